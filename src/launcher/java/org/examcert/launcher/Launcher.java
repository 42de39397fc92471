package org.examcert.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs examcert on one machine: with no external database configured it starts the embedded
 * MariaDB first, then Payara Micro as a child process with the WAR deployed; on SIGTERM or Ctrl+C
 * it stops both. A child that dies is started again (see {@link Supervisor}). Kept out of the WAR: production runs Payara Micro against its own MariaDB.
 */
public final class Launcher {

    /**
     * Worker threads: the 120 admission permits and their queues (2 per permit, 240), plus 32 threads
     * always free to refuse at once the requests beyond them (docs/capacity.md).
     */
    static final int MAX_HTTP_THREADS = 392;
    static final int MIN_HTTP_THREADS = 16;

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

        List<String> command = payaraMicro(List.of(), payaraMicroJar, httpPort, Path.of(required("examcert.launcher.preBootCommands")),
                Path.of(required("examcert.launcher.postDeployCommands")), war, System.getenv("EXAMCERT_PAYARA_ARGS"));
        HangWatch hangWatch = new HangWatch(Duration.ofSeconds(Long.parseLong(setting("EXAMCERT_HANG_LIMIT_SECONDS", "60"))));
        Supervisor supervisor = new Supervisor(command, childEnv, embedded, URI.create("http://127.0.0.1:" + httpPort + "/health/live"), hangWatch);
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stop, "examcert-shutdown"));
        // Run through Maven, we are Maven's child: when Maven is stopped, stop with it.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        System.exit(supervisor.run());
    }

    /**
     * The command that runs Payara Micro with examcert deployed, as the launcher runs it (the bad-day
     * campaign starts its instances with it too). The HTTP listener is sized with the application's
     * admission budgets (docs/capacity.md): the budgets (microprofile-config.properties,
     * examcert.admission.*) add up to the 64 connections of the JDBC pool; the worker threads exceed
     * them, so that threads are always free to answer a refusal at once; and Grizzly's queue is
     * bounded, so that no request can sit in it longer than a client waits (Grizzly does not expose
     * when a request arrived; a short queue is the bound).
     *
     * @param extra Payara Micro options from EXAMCERT_PAYARA_ARGS (e.g. "--maxhttpthreads 32"), passed as
     *              they are after (so over) the defaults; null or blank for none
     */
    public static List<String> payaraMicro(List<String> jvmOptions, Path payaraMicroJar, int httpPort, Path preBootCommands,
                                    Path postDeployCommands, Path war, String extra) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Duser.timezone=UTC",
                // a JVM out of memory limps on, failing requests at random; exiting lets the launcher restart it
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", payaraMicroJar.toString(),
                // Sessions are signed tokens and background work takes database locks: no Hazelcast needed.
                "--nocluster", "--nohazelcast", "--contextroot", "/", "--port", String.valueOf(httpPort),
                "--minhttpthreads", String.valueOf(MIN_HTTP_THREADS), "--maxhttpthreads", String.valueOf(MAX_HTTP_THREADS),
                // Payara settings examcert relies on (no version in Server, the bounded queue, the port closed
                // until the WAR is deployed): src/main/payara/pre-boot-commands.asadmin; the post-deploy file opens the port
                "--prebootcommandfile", preBootCommands.toString(),
                "--postdeploycommandfile", postDeployCommands.toString()));
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("--deploy", war.toString()));
        return command;
    }

    /**
     * Keeps the two children alive: a MariaDB or a Payara Micro that dies (a crash, an out-of-memory
     * kill, kill -9) is started again on the same data, within a {@link RestartBudget}, with a log
     * line each time; a Payara Micro that hangs (its liveness check silent beyond the
     * {@link HangWatch}'s limit) is killed, and so started again. The service reconnects to a
     * restarted database by itself.
     */
    static final class Supervisor {
        private static final Duration PAUSE_BEFORE_RESTART = Duration.ofSeconds(2);
        private static final Duration PROBE_EVERY = Duration.ofSeconds(5);
        private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

        private final List<String> command;
        private final Map<String, String> env;
        private final RestartBudget budget = new RestartBudget(5, Duration.ofMinutes(10));
        private final AtomicReference<EmbeddedMariaDb> database;
        private final URI liveness;
        private final HangWatch hangWatch;
        private volatile Process payara;
        private volatile boolean stopping;

        Supervisor(List<String> command, Map<String, String> env, EmbeddedMariaDb embedded, URI liveness, HangWatch hangWatch) {
            this.command = command;
            this.env = env;
            this.database = new AtomicReference<>(embedded);
            this.liveness = liveness;
            this.hangWatch = hangWatch;
        }

        int run() throws IOException, InterruptedException {
            if (database.get() != null) {
                Thread watcher = new Thread(this::superviseDatabase, "examcert-database-supervisor");
                watcher.setDaemon(true);
                watcher.start();
            }
            if (!hangWatch.limit().isZero()) {
                Thread prober = new Thread(this::watchForHangs, "examcert-hang-watch");
                prober.setDaemon(true);
                prober.start();
            }
            while (true) {
                ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
                builder.environment().clear();
                builder.environment().putAll(env);
                hangWatch.started();
                payara = builder.start();
                int exit = payara.waitFor();
                Thread.sleep(PAUSE_BEFORE_RESTART.toMillis()); // a Ctrl+C reaches us too: let the shutdown hook say so
                if (stopping) {
                    return exit;
                }
                if (!budget.spend(Instant.now())) {
                    System.err.println("examcert: Payara Micro exited with code " + exit + " and has been restarted "
                            + budget.limit() + " times within " + budget.window().toMinutes() + " min; giving up");
                    return exit == 0 ? 1 : exit;
                }
                System.err.println("examcert: Payara Micro exited with code " + exit + "; restarting it ("
                        + budget.spent() + " of " + budget.limit() + " restarts within " + budget.window().toMinutes() + " min)");
            }
        }

        private void superviseDatabase() {
            while (!stopping) {
                EmbeddedMariaDb current = database.get();
                current.process().ifPresent(server -> server.onExit().join());
                if (stopping) {
                    return;
                }
                try {
                    Thread.sleep(PAUSE_BEFORE_RESTART.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                if (stopping) {
                    return;
                }
                if (!budget.spend(Instant.now())) {
                    System.err.println("examcert: the embedded MariaDB died and has been restarted " + budget.limit()
                            + " times within " + budget.window().toMinutes() + " min; stopping");
                    System.exit(1);
                }
                System.err.println("examcert: the embedded MariaDB died; starting it again on the same data ("
                        + budget.spent() + " of " + budget.limit() + " restarts within " + budget.window().toMinutes() + " min)");
                try {
                    database.set(current.startAgain());
                } catch (RuntimeException e) {
                    System.err.println("examcert: restarting the embedded MariaDB failed: " + e.getMessage());
                }
            }
        }

        private void watchForHangs() {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PROBE_TIMEOUT).build();
            while (!stopping) {
                try {
                    Thread.sleep(PROBE_EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                Process child = payara;
                if (child == null || !child.isAlive()) {
                    continue;
                }
                boolean answered;
                try {
                    answered = http.send(HttpRequest.newBuilder(liveness).timeout(PROBE_TIMEOUT).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    answered = false;
                } catch (InterruptedException e) {
                    return;
                }
                if (child == payara && !stopping && hangWatch.probed(answered, Instant.now()) == HangWatch.Verdict.KILL) {
                    System.err.println("examcert: Payara Micro has not answered " + liveness + " for more than "
                            + hangWatch.limit().toSeconds() + " s; killing it (kill -9) to start it again");
                    child.destroyForcibly();
                }
            }
        }

        void stop() {
            stopping = true;
            Process child = payara;
            if (child != null) {
                child.destroy();
                try {
                    child.waitFor(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                child.destroyForcibly();
            }
            EmbeddedMariaDb db = database.get();
            if (db != null) {
                db.close();
            }
        }
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
