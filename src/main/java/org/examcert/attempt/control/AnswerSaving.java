package org.examcert.attempt.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.attempt.AttemptState;
import org.examcert.attempt.SaveOutcome;
import org.examcert.attempt.entity.Attempt;
import org.examcert.attempt.entity.AttemptItem;
import org.examcert.platform.database.Database;
import org.examcert.platform.problem.Problem;
import org.examcert.questionbank.BankFile;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * Saving an answer: one conditional UPDATE in auto-commit that checks ownership, state, deadline,
 * device, order and the option's range at once; only when it changes nothing is the attempt read,
 * to say why.
 */
@ApplicationScoped
public class AnswerSaving {

    private static final String SAVE_ANSWER = "UPDATE attempt_item ai JOIN attempt a ON a.id = ai.attempt_id"
            + " SET ai.chosen_option = ?, ai.answered_at = ?, ai.save_seq = ?"
            + " WHERE ai.attempt_id = ? AND ai.position = ? AND a.candidate_id = ?"
            + " AND a.state = 'IN_PROGRESS' AND a.accept_until >= ? AND a.device_id = ?"
            + " AND ai.save_seq < ? AND ai.option_count >= ?";

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    AttemptRecords records;

    /**
     * Largest save sequence number: 2^53 − 1, the largest whole number a browser's JavaScript
     * counts exactly, so a client can always send a higher one (documented in README.md).
     */
    public static final long MAX_SEQ = (1L << 53) - 1;

    /**
     * Saves one answer ({@code option} null clears it) with one UPDATE that also checks ownership,
     * state, deadline and device, in auto-commit: one statement, one round trip, no transaction
     * to begin or end. {@code seq} orders saves from one device: an older save that arrives late
     * never overwrites a newer one, and repeating a save is harmless.
     */
    public SaveOutcome save(long candidateId, long attemptId, int position, Integer option, long seq, String device,
                            Instant now) {
        if (seq < 1 || seq > MAX_SEQ) {
            throw Problem.badRequest("attempt.seq-invalid");
        }
        if (option != null && (option < 1 || option > BankFile.Question.MAX_OPTIONS)) {
            throw Problem.badRequest("attempt.option-invalid", option);
        }
        int updated;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(SAVE_ANSWER)) {
            if (option == null) {
                update.setNull(1, Types.TINYINT);
            } else {
                update.setInt(1, option);
            }
            update.setTimestamp(2, Timestamp.from(now));
            update.setLong(3, seq);
            update.setLong(4, attemptId);
            update.setInt(5, position);
            update.setLong(6, candidateId);
            update.setTimestamp(7, Timestamp.from(now));
            update.setString(8, device);
            update.setLong(9, seq);
            update.setInt(10, option == null ? 0 : option);
            updated = update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("saving an answer failed: " + e.getMessage(), e);
        }
        if (updated == 1) {
            return new SaveOutcome.Saved(position, option, seq, now);
        }
        return whyNotSaved(candidateId, attemptId, position, option, device, now);
    }

    private SaveOutcome whyNotSaved(long candidateId, long attemptId, int position, Integer option, String device,
                                    Instant now) {
        Attempt attempt = records.own(candidateId, attemptId);
        // Time up is said as such whether or not the sweeper has already finalized the attempt.
        if (attempt.state() == AttemptState.EXPIRED || now.isAfter(attempt.acceptUntil())) {
            throw Problem.conflict("attempt.deadline-passed", attempt.deadline());
        }
        if (attempt.state() != AttemptState.IN_PROGRESS) {
            throw Problem.conflict("attempt.closed");
        }
        if (!attempt.deviceId().equals(device)) {
            throw Problem.conflict("attempt.taken-over");
        }
        AttemptItem item = em.find(AttemptItem.class, itemKey(attemptId, position));
        if (item == null) {
            throw Problem.notFound("attempt.question-not-found", position);
        }
        if (option != null && option > item.optionCount()) {
            throw Problem.badRequest("attempt.option-invalid", option);
        }
        return new SaveOutcome.SupersededByNewer(position, item.saveSeq());
    }

    private static AttemptItem.Key itemKey(long attemptId, int position) {
        return new AttemptItem.Key(attemptId, position);
    }
}
