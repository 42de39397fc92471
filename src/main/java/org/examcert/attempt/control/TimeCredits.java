package org.examcert.attempt.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.examcert.attempt.OutageCredit;
import org.examcert.platform.database.Database;
import org.examcert.platform.database.DatabaseOutage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Gives back the time an outage took from the attempts running through it ({@link OutageCredit}),
 * once across all instances: under one row lock, only the part of the outage not yet recorded is
 * credited, and it is recorded in the same transaction. Each attempt gets a TIME_RETURNED event
 * that organizers see in its history. Runs in the caller's transaction.
 */
@ApplicationScoped
public class TimeCredits {

    private static final Logger LOG = Logger.getLogger(TimeCredits.class.getName());
    public static final String EVENT = "TIME_RETURNED";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Returns how many attempts were given time back. */
    public int giveBack(DatabaseOutage seen, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement(
                    "SELECT value FROM platform_setting WHERE name = 'attempt.outage-credit-lock' FOR UPDATE")) {
                lock.executeQuery().close();
            }
            int credited = 0;
            for (DatabaseOutage part : OutageCredit.notYetCredited(seen, recorded(c, seen))) {
                int attempts = credit(c, part, now);
                try (PreparedStatement record = c.prepareStatement(
                        "INSERT INTO outage_period (started_at, ended_at, attempts, recorded_at) VALUES (?, ?, ?, ?)")) {
                    record.setTimestamp(1, Timestamp.from(part.from()));
                    record.setTimestamp(2, Timestamp.from(part.to()));
                    record.setInt(3, attempts);
                    record.setTimestamp(4, Timestamp.from(now));
                    record.executeUpdate();
                }
                LOG.warning("event=attempt.time-returned from=" + part.from() + " to=" + part.to() + " attempts=" + attempts);
                credited += attempts;
            }
            return credited;
        } catch (SQLException e) {
            throw new IllegalStateException("giving back the time of an outage failed: " + e.getMessage(), e);
        }
    }

    private static List<DatabaseOutage> recorded(Connection c, DatabaseOutage seen) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT started_at, ended_at FROM outage_period WHERE started_at < ? AND ended_at > ?")) {
            select.setTimestamp(1, Timestamp.from(seen.to()));
            select.setTimestamp(2, Timestamp.from(seen.from()));
            List<DatabaseOutage> recorded = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    recorded.add(new DatabaseOutage(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()));
                }
            }
            return recorded;
        }
    }

    /** Moves the deadline (and the end of grace with it) of every attempt that ran through {@code outage}. */
    private static int credit(Connection c, DatabaseOutage outage, Instant now) throws SQLException {
        try (PreparedStatement running = c.prepareStatement(
                "SELECT id, started_at, deadline, accept_until FROM attempt"
                        + " WHERE state = 'IN_PROGRESS' AND started_at < ? AND deadline > ? FOR UPDATE");
             PreparedStatement move = c.prepareStatement(
                     "UPDATE attempt SET deadline = ?, accept_until = ?, row_version = row_version + 1 WHERE id = ?");
             PreparedStatement event = c.prepareStatement(
                     "INSERT INTO attempt_event (attempt_id, at, kind, detail) VALUES (?, ?, ?, ?)")) {
            running.setTimestamp(1, Timestamp.from(outage.to()));
            running.setTimestamp(2, Timestamp.from(outage.from()));
            int count = 0;
            try (ResultSet rs = running.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Instant deadline = rs.getTimestamp(3).toInstant();
                    Duration credit = OutageCredit.credit(rs.getTimestamp(2).toInstant(), deadline, outage);
                    if (credit.isZero()) {
                        continue;
                    }
                    move.setTimestamp(1, Timestamp.from(deadline.plus(credit)));
                    move.setTimestamp(2, Timestamp.from(rs.getTimestamp(4).toInstant().plus(credit)));
                    move.setLong(3, id);
                    move.addBatch();
                    event.setLong(1, id);
                    event.setTimestamp(2, Timestamp.from(now));
                    event.setString(3, EVENT);
                    event.setString(4, "service unavailable " + outage.from() + " – " + outage.to() + "; "
                            + credit.toMillis() / 1000 + " s given back, deadline " + deadline + " → " + deadline.plus(credit));
                    event.addBatch();
                    count++;
                }
            }
            if (count > 0) {
                move.executeBatch();
                event.executeBatch();
            }
            return count;
        }
    }
}
