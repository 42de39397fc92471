package org.examcert.platform.database;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pings the database every second on a connection of its own (outside the pool, so a busy pool is
 * not taken for a dead database) and, when the database answers again after an outage, fires
 * {@link DatabaseOutage} so that the time it cost can be given back. An outage whose observers
 * failed (the database went away again) is fired again at the next answer, so none is lost.
 * Each ping also writes the service's shared heartbeat; at start-up, a heartbeat older than
 * {@link ServiceGap#LONGEST_SILENCE} means no instance served meanwhile (all were killed or
 * stopped), and that span is given back like a database outage.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseWatch {

    private static final Logger LOG = Logger.getLogger(DatabaseWatch.class.getName());
    private static final int PING_TIMEOUT_SECONDS = 1;
    /** Two unanswered pings in a row: one can be a busy server missing a one-second timeout. */
    private static final int FAILURES_TO_BE_DOWN = 2;

    @Inject
    @ConfigProperty(name = "examcert.db.url")
    String url;
    @Inject
    @ConfigProperty(name = "examcert.db.user")
    String user;
    @Inject
    @ConfigProperty(name = "examcert.db.password")
    String password;
    @Inject
    Clock clock;
    @Inject
    Event<DatabaseOutage> outages;

    private final ReentrantLock pinging = new ReentrantLock();
    private final OutageDetector detector = new OutageDetector(FAILURES_TO_BE_DOWN);
    private final Deque<DatabaseOutage> unsettled = new ArrayDeque<>();
    /** False until the first ping has looked for a service gap: nothing expires before that. */
    private volatile boolean settled = false;
    private boolean gapChecked;
    private Connection connection;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    void ping() {
        if (!pinging.tryLock()) {
            return; // the previous ping is still waiting for its timeout
        }
        try {
            boolean answered = answers();
            Instant now = clock.instant();
            boolean wasDown = detector.isDown();
            detector.observe(answered, now).ifPresent(outage -> {
                LOG.warning(() -> "event=database.back from=" + outage.from() + " to=" + outage.to()
                        + " seconds=" + outage.duration().toMillis() / 1000.0);
                unsettled.add(outage);
            });
            if (!wasDown && detector.isDown()) {
                LOG.warning(() -> "event=database.down since=" + detector.downSince().orElse(now));
            }
            if (answered) {
                beat(now);
                settle();
            }
            settled = gapChecked && !detector.isDown() && unsettled.isEmpty();
        } finally {
            pinging.unlock();
        }
    }

    /**
     * False while the database is down or an outage has not yet been given back: work that acts on
     * deadlines (the expiry sweeper) waits, so no attempt expires on time the outage took.
     */
    public boolean isSettled() {
        return settled;
    }

    private void settle() {
        while (!unsettled.isEmpty()) {
            DatabaseOutage outage = unsettled.peek();
            try {
                outages.fire(outage);
                unsettled.poll();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event=database.outage-not-settled from=" + outage.from()
                        + " to=" + outage.to() + " (tried again at the next ping)", e);
                return;
            }
        }
    }

    /**
     * Writes the heartbeat on the watch's own connection (one auto-committed UPDATE a second); the
     * first time, reads the previous one to find a gap in which no instance served.
     */
    private void beat(Instant now) {
        try {
            if (!gapChecked) {
                try (PreparedStatement read = connection.prepareStatement(
                        "SELECT value FROM platform_setting WHERE name = 'service.heartbeat'");
                     ResultSet rs = read.executeQuery()) {
                    String value = rs.next() ? rs.getString(1) : "";
                    Instant last = value.isBlank() ? null : Instant.ofEpochMilli(Long.parseLong(value.trim()));
                    ServiceGap.sinceLastHeartbeat(last, now).ifPresent(gap -> {
                        LOG.warning(() -> "event=service.gap from=" + gap.from() + " to=" + gap.to()
                                + " seconds=" + gap.duration().toMillis() / 1000.0 + " (no instance served; time is given back)");
                        unsettled.add(gap);
                    });
                }
                gapChecked = true;
            }
            try (PreparedStatement write = connection.prepareStatement(
                    "UPDATE platform_setting SET value = ? WHERE name = 'service.heartbeat'")) {
                write.setString(1, String.valueOf(now.toEpochMilli()));
                write.executeUpdate();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.fine(() -> "event=service.heartbeat-failed " + e.getMessage());
        }
    }

    private boolean answers() {
        try {
            if (connection == null || connection.isClosed()) {
                LocalMariaDbDataSource source = new LocalMariaDbDataSource();
                source.setUrl(url);
                source.setUser(user);
                source.setPassword(password);
                source.setLoginTimeout(PING_TIMEOUT_SECONDS);
                connection = source.getConnection();
            }
            if (connection.isValid(PING_TIMEOUT_SECONDS)) {
                return true;
            }
        } catch (SQLException e) {
            LOG.fine(() -> "event=database.ping-failed " + e.getMessage());
        }
        close();
        return false;
    }

    @PreDestroy
    void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a dead connection has nothing left to release
            }
            connection = null;
        }
    }
}
