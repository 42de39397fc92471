package org.examcert.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;

/**
 * The yardstick for every throughput a benchmark reports: MariaDB's own durable single-row upserts
 * per second (auto-commit, one InnoDB row each), over plain JDBC against the same server, measured
 * in the same run. This machine's speed varies about 2× from day to day; a ratio to this anchor does not.
 */
final class JdbcAnchor {

    private JdbcAnchor() {
    }

    /**
     * Upserts per second over {@code connections} connections for {@code duration}, each connection on
     * its own 1,000 rows of the table {@code anchor} in the database of {@code url} (created if missing).
     */
    static double upsertsPerSecond(String url, int connections, Duration duration) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS anchor (id INT PRIMARY KEY, v BIGINT NOT NULL) ENGINE=InnoDB");
        }
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int thread = t;
            running.add(workers.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, "root", "");
                     PreparedStatement upsert = c.prepareStatement("INSERT INTO anchor (id, v) VALUES (?, ?) ON DUPLICATE KEY UPDATE v = VALUES(v)")) {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        upsert.setInt(1, thread * 1000 + (int) (n % 1000));
                        upsert.setLong(2, n++);
                        upsert.executeUpdate();
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        workers.shutdown();
        if (!workers.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            workers.shutdownNow();
            throw new IllegalStateException("the JDBC anchor did not finish within a minute after its " + duration.toSeconds() + " s");
        }
        for (Future<?> worker : running) {
            worker.get(); // a connection that failed makes the anchor meaningless: say so
        }
        return done.get() / (duration.toNanos() / 1e9);
    }
}
