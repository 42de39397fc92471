package org.examcert.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs examcert on one machine: with no external database configured it starts the embedded
 * MariaDB first, then Payara Micro as a child process with the WAR deployed; on SIGTERM or Ctrl+C
 * it stops both. Kept out of the WAR: production runs Payara Micro against its own MariaDB.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path war = Path.of(required("examcert.launcher.war"));
        Path payaraMicroJar = Path.of(required("examcert.launcher.payaraMicroJar"));
        Path dataDir = Path.of(setting("EXAMCERT_DATA_DIR", System.getProperty("examcert.launcher.dataDir", "data")));
        int httpPort = Integer.parseInt(setting("EXAMCERT_HTTP_PORT", "8080"));

        Map<String, String> childEnv = new java.util.HashMap<>(System.getenv());
        EmbeddedMariaDb embedded = null;
        if (System.getenv("EXAMCERT_DB_URL") == null) {
            int dbPort = Integer.parseInt(setting("EXAMCERT_EMBEDDED_DB_PORT", "3316"));
            System.out.println("examcert: starting the embedded MariaDB on 127.0.0.1:" + dbPort + ", data in " + dataDir.toAbsolutePath());
            embedded = EmbeddedMariaDb.start(dataDir.resolve("mariadb"), dbPort);
            childEnv.put("EXAMCERT_DB_URL", embedded.jdbcUrl("examcert"));
            childEnv.put("EXAMCERT_DB_USER", "root");
            childEnv.putIfAbsent("EXAMCERT_SAMPLE_CONTESTS", "true");
        }
        childEnv.putIfAbsent("EXAMCERT_DATA_DIR", dataDir.toAbsolutePath().toString());
        Files.createDirectories(dataDir);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Duser.timezone=UTC",
                "-jar", payaraMicroJar.toString(),
                // Sessions are signed tokens and background work takes database locks: no Hazelcast needed.
                "--nocluster", "--nohazelcast", "--contextroot", "/", "--port", String.valueOf(httpPort),
                "--deploy", war.toString()));
        String postBoot = System.getProperty("examcert.launcher.postBootCommands");
        if (postBoot != null) {
            // Payara settings examcert relies on (no version in the Server header): payara/post-boot-commands.asadmin
            command.addAll(command.size() - 2, List.of("--postbootcommandfile", postBoot));
        }
        String extra = System.getenv("EXAMCERT_PAYARA_ARGS");
        if (extra != null && !extra.isBlank()) {
            // e.g. "--maxhttpthreads 32": passed to Payara Micro as they are
            command.addAll(command.size() - 2, List.of(extra.trim().split("\\s+")));
        }
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(childEnv);
        Process payara = builder.start();

        EmbeddedMariaDb database = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            payara.destroy();
            try {
                payara.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            payara.destroyForcibly();
            if (database != null) {
                database.close();
            }
        }, "examcert-shutdown"));
        // Run through Maven, we are Maven's child: when Maven is stopped, stop with it.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        int exit = payara.waitFor();
        System.exit(exit);
    }

    private static String required(String property) throws IOException {
        String value = System.getProperty(property);
        if (value == null || !Files.exists(Path.of(value))) {
            throw new IOException("examcert: " + property + " must name an existing file (run through `mvn -DskipTests package exec:exec`), got " + value);
        }
        return value;
    }

    private static String setting(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }
}
