package org.examcert.attempt.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an answer costs MariaDB, by how many answers one statement writes: the service's own two
 * save statements ({@link AnswerSaving#SAVE_ANSWER} for one answer, {@link AnswerSaving#SAVE_ANSWERS}
 * for many), sent over plain JDBC against the attempts a running examcert has in progress (run the
 * opening-minute benchmark first, within the attempts' time), with the database's CPU per answer
 * read from /proc. The figures behind "Saves written together" in docs/capacity.md:
 * <pre>
 * mvn -q test-compile exec:java@bench -Dbench.main=org.examcert.attempt.control.SaveStatementBenchmark \
 *     -Dexec.args="--db-port=3316 --seconds=8 --batches=1,8,16,32,64 --server-prepared=true"
 * </pre>
 * A batch of 1 uses the one-answer statement from 64 connections; larger batches the many-answer
 * statement from 4 (the service writes batches from {@code examcert.saves.writers} threads, 2 by default).
 */
public final class SaveStatementBenchmark {

    private record Seat(long attemptId, long candidateId, String device, int questions) {
    }

    private SaveStatementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("db-port", "3316", "seconds", "8", "batches", "1,8,16,32,64",
                "server-prepared", "true"));
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (!opts.containsKey(kv[0]) || kv.length < 2) {
                throw new IllegalArgumentException("unknown option " + arg + "; options: " + opts.keySet());
            }
            opts.put(kv[0], kv[1]);
        }
        // the service prepares its statements on the server (LocalMariaDbDataSource); false: the driver's default
        String url = "jdbc:mariadb://127.0.0.1:" + opts.get("db-port") + "/examcert?useServerPrepStmts="
                + Boolean.parseBoolean(opts.get("server-prepared"));
        List<Seat> seats = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "root", "");
             ResultSet r = c.createStatement().executeQuery("SELECT id, candidate_id, device_id, CHAR_LENGTH(option_counts) FROM attempt"
                     + " WHERE state = 'IN_PROGRESS' AND accept_until > NOW() + INTERVAL 5 MINUTE")) {
            while (r.next()) {
                seats.add(new Seat(r.getLong(1), r.getLong(2), r.getString(3), r.getInt(4)));
            }
        }
        if (seats.size() < 1000) {
            throw new IllegalStateException("only " + seats.size() + " attempts in progress: run the opening-minute benchmark first");
        }
        long pid = Long.parseLong(new String(new ProcessBuilder("pgrep", "-f", "mariadbd.*--port=" + opts.get("db-port")).start()
                .getInputStream().readAllBytes()).trim().split("\n")[0]);
        System.out.printf("%d attempts in progress; MariaDB pid %d%n%n| answers per statement | connections | answers/s | statements/s"
                + " | database CPU ms per answer | not written |%n| --- | --- | --- | --- | --- | --- |%n", seats.size(), pid);
        for (String b : opts.get("batches").split(",")) {
            run(url, seats, Integer.parseInt(b.trim()), Integer.parseInt(opts.get("seconds")), pid);
        }
    }

    private static void run(String url, List<Seat> seats, int batch, int seconds, long pid) throws Exception {
        int connections = batch == 1 ? 64 : 4;
        AtomicLong seq = new AtomicLong(System.currentTimeMillis() * 1000);
        AtomicLong written = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong statements = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long cpu0 = cpuMillis(pid);
        long began = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            running.add(workers.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, "root", "");
                     PreparedStatement one = c.prepareStatement(AnswerSaving.SAVE_ANSWER);
                     PreparedStatement many = c.prepareStatement(AnswerSaving.SAVE_ANSWERS)) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        Instant now = Instant.now();
                        List<AnswerSaving.Save> saves = new ArrayList<>(batch);
                        Set<Long> attempts = new HashSet<>();
                        while (saves.size() < batch) {
                            Seat seat = seats.get(random.nextInt(seats.size()));
                            if (attempts.add(seat.attemptId())) {
                                saves.add(new AnswerSaving.Save(seat.candidateId(), seat.attemptId(), new AnswerSaving.Answer(
                                        1 + random.nextInt(seat.questions()), 1 + random.nextInt(4), seq.incrementAndGet()), seat.device(), now));
                            }
                        }
                        int rows = 0;
                        if (batch == 1) {
                            AnswerSaving.Save s = saves.get(0);
                            rows = AnswerSaving.upsert(one, s.candidateId(), s.attemptId(), s.answer(), s.device(), s.now()) > 0 ? 1 : 0;
                        } else {
                            many.setString(1, AnswerSaving.rows(saves));
                            try (ResultSet r = many.executeQuery()) {
                                while (r.next()) {
                                    rows++;
                                }
                            }
                        }
                        written.addAndGet(rows);
                        refused.addAndGet(batch - rows);
                        statements.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        workers.shutdown();
        if (!workers.awaitTermination(seconds + 60L, TimeUnit.SECONDS)) {
            workers.shutdownNow();
            throw new IllegalStateException("the statements did not finish within a minute after their " + seconds + " s");
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        long cpu = cpuMillis(pid) - cpu0;
        System.out.printf("| %d | %d | %.0f | %.0f | %.3f | %d |%n", batch, connections, written.get() / elapsed, statements.get() / elapsed,
                (double) cpu / Math.max(1, written.get()), refused.get());
    }

    /** User plus system CPU of the process so far, in milliseconds (Linux /proc, 100 ticks a second). */
    private static long cpuMillis(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }
}
