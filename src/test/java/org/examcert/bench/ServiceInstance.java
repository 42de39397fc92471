package org.examcert.bench;

import org.examcert.launcher.Launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One examcert instance for the campaign: Payara Micro as a child process with the WAR deployed,
 * started exactly as the launcher starts it, on 127.0.0.1:{@code port}. {@link #kill()} is a
 * kill -9; {@link #start()} starts it again on the same port and configuration.
 */
final class ServiceInstance implements AutoCloseable {

    private static final String PAYARA_COMMANDS = "src/main/payara";

    private final String name;
    private final int port;
    private final Path payaraMicroJar;
    private final Path war;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    ServiceInstance(String name, int port, Path payaraMicroJar, Path war, Map<String, String> env, Path log) {
        this.name = name;
        this.port = port;
        this.payaraMicroJar = payaraMicroJar;
        this.war = war;
        this.env = env;
        this.log = log;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    synchronized void start() throws IOException {
        List<String> command = Launcher.payaraMicro(List.of("-Xmx1g"), payaraMicroJar, port, Path.of(PAYARA_COMMANDS, "pre-boot-commands.asadmin"),
                Path.of(PAYARA_COMMANDS, "post-deploy-commands.asadmin"), war, null);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        process = builder.start();
    }

    /** Waits until /health/ready answers 200; fails after {@code limit}. */
    Duration awaitReady(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        long t0 = System.nanoTime();
        long end = t0 + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base().resolve("health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - t0);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + limit + "; see " + log);
    }

    /** A crash as kill -9 makes one (Process.destroyForcibly sends SIGKILL): nothing is shut down cleanly. */
    synchronized void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
