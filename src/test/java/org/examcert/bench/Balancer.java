package org.examcert.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * HAProxy (Debian's package) in front of the instances, on loopback, with a generated config:
 * health checks on /health/ready every second, a failed connection or an empty response (an
 * instance killed mid-request) retried on another instance. Saves and submits carry their own
 * idempotence (seq, "submitted once"), so replaying them is safe.
 */
final class Balancer implements AutoCloseable {

    private final int port;
    private final Process process;

    private Balancer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static String config(int port, List<ServiceInstance> instances) {
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 4096
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 60s
                    timeout server 30s
                    timeout queue 30s
                    retries 3
                    option redispatch
                    retry-on conn-failure empty-response
                frontend examcert
                    bind 127.0.0.1:%d
                    default_backend instances
                backend instances
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    default-server inter 1s fall 2 rise 2
                """.formatted(port));
        for (ServiceInstance instance : instances) {
            cfg.append("    server ").append(instance.name()).append(" 127.0.0.1:").append(instance.port()).append(" check\n");
        }
        return cfg.toString();
    }

    static Balancer start(Path haproxy, int port, List<ServiceInstance> instances, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path cfg = folder.resolve("haproxy.cfg");
        Files.writeString(cfg, config(port, instances));
        // -db: stay in the foreground, so this process owns it and can stop it
        Process process = new ProcessBuilder(haproxy.toString(), "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("haproxy.log").toFile())).start();
        return new Balancer(port, process);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
