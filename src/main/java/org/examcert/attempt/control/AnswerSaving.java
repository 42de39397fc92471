package org.examcert.attempt.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.examcert.attempt.AttemptState;
import org.examcert.attempt.SaveOutcome;
import org.examcert.attempt.entity.Attempt;
import org.examcert.platform.database.Database;
import org.examcert.platform.database.WriteCoalescer;
import org.examcert.platform.problem.Problem;
import org.examcert.questionbank.BankFile;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

/**
 * Saving an answer: one conditional upsert in auto-commit that checks ownership, state, deadline,
 * device, order and the option's range at once, and returns the row it leaves; only when it
 * writes nothing is the attempt read, to say why. Single answers that candidates save at the same
 * moment are written together, by one statement for all of them ({@link WriteCoalescer}): each
 * request is still answered only after its row is committed.
 */
@ApplicationScoped
public class AnswerSaving {

    /**
     * The attempt row is the condition (read with a shared lock: an attempt being ended waits for
     * the save, or the save sees it ended). The option's range is the position's digit in the
     * attempt's option counts. On a position saved before, a lower seq changes nothing, and
     * RETURNING tells which seq the row holds: the new one (saved) or a newer one (superseded).
     * save_seq is assigned last: MariaDB evaluates the assignments in order.
     */
    static final String SAVE_ANSWER = "INSERT INTO attempt_answer (attempt_id, position, chosen_option, answered_at, save_seq)"
            + " SELECT a.id, ?, ?, ?, ? FROM attempt a"
            + " WHERE a.id = ? AND a.candidate_id = ? AND a.state = 'IN_PROGRESS' AND a.accept_until >= ? AND a.device_id = ?"
            + " AND ? <= CHAR_LENGTH(a.option_counts) AND ? <= CAST(SUBSTRING(a.option_counts, ?, 1) AS UNSIGNED)"
            + " ON DUPLICATE KEY UPDATE"
            + " chosen_option = IF(save_seq < VALUES(save_seq), VALUES(chosen_option), chosen_option),"
            + " answered_at = IF(save_seq < VALUES(save_seq), VALUES(answered_at), answered_at),"
            + " save_seq = GREATEST(save_seq, VALUES(save_seq))"
            + " RETURNING save_seq";

    /**
     * The same upsert for many candidates' answers at once, their rows given as one JSON array
     * (one statement text whatever their number): [attempt, candidate, position, option or null,
     * seq, device, wall time]. RETURNING names the rows it leaves; a save it does not name was
     * refused by its condition. The JSON rows come sorted by attempt and position, and the join
     * reads them in that order, so two batches lock shared rows in the same order.
     */
    static final String SAVE_ANSWERS = "INSERT INTO attempt_answer (attempt_id, position, chosen_option, answered_at, save_seq)"
            + " SELECT a.id, s.position, s.chosen, s.at, s.seq FROM JSON_TABLE(?, '$[*]' COLUMNS("
            + " attempt_id BIGINT PATH '$[0]', candidate_id BIGINT PATH '$[1]', position INT PATH '$[2]', chosen INT PATH '$[3]',"
            + " seq BIGINT PATH '$[4]', device VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci PATH '$[5]',"
            + " at DATETIME(6) PATH '$[6]')) s"
            + " STRAIGHT_JOIN attempt a ON a.id = s.attempt_id"
            + " WHERE a.candidate_id = s.candidate_id AND a.state = 'IN_PROGRESS' AND a.accept_until >= s.at AND a.device_id = s.device"
            + " AND s.position <= CHAR_LENGTH(a.option_counts)"
            + " AND IFNULL(s.chosen, 0) <= CAST(SUBSTRING(a.option_counts, s.position, 1) AS UNSIGNED)"
            + " ON DUPLICATE KEY UPDATE"
            + " chosen_option = IF(save_seq < VALUES(save_seq), VALUES(chosen_option), chosen_option),"
            + " answered_at = IF(save_seq < VALUES(save_seq), VALUES(answered_at), answered_at),"
            + " save_seq = GREATEST(save_seq, VALUES(save_seq))"
            + " RETURNING attempt_id, position, save_seq";

    /** The most answers one statement writes together. */
    static final int MAX_BATCH = 64;

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final DateTimeFormatter WALL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /**
     * Statements writing answers together at one time: while one waits for its commit the next
     * is built (docs/capacity.md, "Saves written together").
     */
    @Inject
    @ConfigProperty(name = "examcert.saves.writers")
    int writers;

    private WriteCoalescer<Save, Long> saves;

    @PostConstruct
    void coalesce() {
        if (writers < 1 || writers > 32) {
            throw new IllegalStateException("examcert.saves.writers must be 1 to 32 (statements at one time), not " + writers);
        }
        saves = new WriteCoalescer<>(writers, MAX_BATCH, Save::row, this::write);
    }

    @Inject
    AttemptRecords records;

    /**
     * Largest save sequence number: 2^53 − 1, the largest whole number a browser's JavaScript
     * counts exactly, so a client can always send a higher one (documented in README.md).
     */
    public static final long MAX_SEQ = (1L << 53) - 1;

    /** The most answers one request may carry: the largest paper ({@code ContestRules}). */
    public static final int MAX_ANSWERS_PER_REQUEST = 200;

    /** One answer as a device sends it: {@code option} null clears it; {@code seq} orders one device's saves. */
    public record Answer(int position, Integer option, long seq) {

        /** The checks that need no attempt: 400 or 404 before any statement. */
        void check() {
            if (seq < 1 || seq > MAX_SEQ) {
                throw Problem.badRequest("attempt.seq-invalid");
            }
            if (option != null && (option < 1 || option > BankFile.Question.MAX_OPTIONS)) {
                throw Problem.badRequest("attempt.option-invalid", option);
            }
            if (position < 1) {
                throw Problem.notFound("attempt.question-not-found", position);
            }
        }
    }

    /**
     * Saves one answer ({@code option} null clears it) with one upsert that also checks ownership,
     * state, deadline and device, in auto-commit, written together with the answers others save at
     * the same moment. {@code seq} orders saves from one device: an older save that arrives late
     * never overwrites a newer one, and repeating a save is harmless. The checks that need no
     * attempt throw at once; the outcome completes the future once the answer is committed (or
     * refused, or failed), on the thread that wrote it: a caller answers its request from there
     * instead of holding a thread while it waits.
     */
    public CompletableFuture<SaveOutcome> save(long candidateId, long attemptId, int position, Integer option, long seq,
                                               String device, Instant now) {
        Answer answer = new Answer(position, option, seq);
        answer.check();
        return saves.submit(new Save(candidateId, attemptId, answer, device, now)).thenApply(stored -> stored != 0
                ? outcome(answer, stored, now) : afterRefusal(candidateId, attemptId, List.of(answer), answer, device, now).get(0));
    }

    /**
     * Saves the answers a device had queued (after a lost connection, say), all or none, each
     * question's answers in the order sent, outcomes in the request's order: in one transaction,
     * one statement for answers to distinct questions (else one each), rolled back when one is
     * refused, so a refused request changes nothing. One answer goes as {@link #save} says, and
     * this waits for it.
     */
    public List<SaveOutcome> saveAll(long candidateId, long attemptId, List<Answer> answers, String device, Instant now) {
        if (answers.isEmpty() || answers.size() > MAX_ANSWERS_PER_REQUEST) {
            throw Problem.badRequest("attempt.answers-count", MAX_ANSWERS_PER_REQUEST);
        }
        answers.forEach(Answer::check);
        if (answers.size() == 1) {
            Answer answer = answers.get(0);
            try {
                return List.of(save(candidateId, attemptId, answer.position(), answer.option(), answer.seq(), device, now).join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }
        Written written = upsert(candidateId, attemptId, answers, device, now);
        return written.refused() == null ? written.outcomes() : afterRefusal(candidateId, attemptId, answers, written.refused(), device, now);
    }

    /**
     * Throws the reason the attempt gives for refusing {@code refused}. A save refused for no reason
     * the attempt shows met a change in between (a device taken back, time credited after an
     * outage): the second try, in a transaction of its own, meets the attempt as it is now.
     */
    private List<SaveOutcome> afterRefusal(long candidateId, long attemptId, List<Answer> answers, Answer refused, String device,
                                           Instant now) {
        refuse(candidateId, attemptId, refused.position(), refused.option(), device, now);
        Written again = upsert(candidateId, attemptId, answers, device, now);
        if (again.refused() == null) {
            return again.outcomes();
        }
        refuse(candidateId, attemptId, again.refused().position(), again.refused().option(), device, now);
        throw Problem.conflict("attempt.closed");
    }

    /** One answer to write, as {@link #save} was given it. */
    record Save(long candidateId, long attemptId, Answer answer, String device, Instant now) {

        /** The answer's row: two saves of one row never share a batch. */
        AnswerRow row() {
            return new AnswerRow(attemptId, answer.position());
        }
    }

    private record AnswerRow(long attemptId, int position) {
    }

    /** What the statements did: every answer's outcome, or the first answer they could not write (nothing kept). */
    private record Written(List<SaveOutcome> outcomes, Answer refused) {
    }

    /** The answers in one transaction of their own (a single answer too, on its second try). */
    private Written upsert(long candidateId, long attemptId, List<Answer> answers, String device, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // in question order (stable, so one question's answers keep theirs): two requests for
                // one attempt then lock its answer rows in the same order and cannot deadlock
                List<Integer> order = IntStream.range(0, answers.size()).boxed()
                        .sorted(Comparator.comparingInt(i -> answers.get(i).position())).toList();
                long[] stored = answers.stream().map(Answer::position).distinct().count() == answers.size()
                        ? storedTogether(connection, candidateId, attemptId, answers, order, device, now)
                        : storedOneByOne(connection, candidateId, attemptId, answers, order, device, now);
                SaveOutcome[] outcomes = new SaveOutcome[answers.size()];
                for (int i : order) {
                    if (stored[i] == 0) {
                        connection.rollback();
                        return new Written(List.of(), answers.get(i));
                    }
                    outcomes[i] = outcome(answers.get(i), stored[i], now);
                }
                connection.commit();
                return new Written(List.of(outcomes), null);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true); // as the pool lent it
            }
        } catch (SQLException e) {
            throw new IllegalStateException("saving answers failed: " + e.getMessage(), e);
        }
    }

    /** Answers to distinct questions: one statement writes them all; the seq each row holds (0: refused), by index. */
    private static long[] storedTogether(Connection connection, long candidateId, long attemptId, List<Answer> answers, List<Integer> order,
                                         String device, Instant now) throws SQLException {
        Map<AnswerRow, Long> written = written(connection,
                order.stream().map(i -> new Save(candidateId, attemptId, answers.get(i), device, now)).toList());
        return answers.stream().mapToLong(a -> written.getOrDefault(new AnswerRow(attemptId, a.position()), 0L)).toArray();
    }

    /**
     * Several answers to one question (a queue keeps each change): one statement each, in order, so
     * each outcome is the one it would have alone; none after the first refused.
     */
    private static long[] storedOneByOne(Connection connection, long candidateId, long attemptId, List<Answer> answers, List<Integer> order,
                                         String device, Instant now) throws SQLException {
        long[] stored = new long[answers.size()];
        try (PreparedStatement save = connection.prepareStatement(SAVE_ANSWER)) {
            for (int i : order) {
                stored[i] = upsert(save, candidateId, attemptId, answers.get(i), device, now);
                if (stored[i] == 0) {
                    break;
                }
            }
        }
        return stored;
    }

    private static SaveOutcome outcome(Answer answer, long stored, Instant now) {
        return stored == answer.seq() ? new SaveOutcome.Saved(answer.position(), answer.option(), answer.seq(), now)
                : new SaveOutcome.SupersededByNewer(answer.position(), stored);
    }

    /**
     * Writes a batch of single answers, each completed with the seq its row holds (0: refused): one
     * answer with its own upsert, several with one statement. Should that statement fail (two
     * batches meeting on one row in a deadlock, say), each is written on its own, so one answer's
     * failure is never another's.
     */
    private void write(List<WriteCoalescer.Item<Save, Long>> batch) {
        List<WriteCoalescer.Item<Save, Long>> ordered = new ArrayList<>(batch);
        ordered.sort(Comparator.<WriteCoalescer.Item<Save, Long>>comparingLong(item -> item.value().attemptId())
                .thenComparingInt(item -> item.value().answer().position()));
        try (Connection connection = dataSource.getConnection()) {
            if (ordered.size() > 1) {
                try {
                    writeTogether(connection, ordered);
                    return;
                } catch (SQLException e) {
                    // nothing was written (one statement): each on its own below
                }
            }
            try (PreparedStatement save = connection.prepareStatement(SAVE_ANSWER)) {
                for (WriteCoalescer.Item<Save, Long> item : ordered) {
                    Save s = item.value();
                    try {
                        item.complete(upsert(save, s.candidateId(), s.attemptId(), s.answer(), s.device(), s.now()));
                    } catch (SQLException e) {
                        item.fail(new IllegalStateException("saving answers failed: " + e.getMessage(), e));
                    }
                }
            }
        } catch (SQLException e) {
            IllegalStateException failure = new IllegalStateException("saving answers failed: " + e.getMessage(), e);
            batch.forEach(item -> item.fail(failure));
        }
    }

    private static void writeTogether(Connection connection, List<WriteCoalescer.Item<Save, Long>> ordered) throws SQLException {
        Map<AnswerRow, Long> stored = written(connection, ordered.stream().map(WriteCoalescer.Item::value).toList());
        for (WriteCoalescer.Item<Save, Long> item : ordered) {
            item.complete(stored.getOrDefault(item.value().row(), 0L));
        }
    }

    /** Runs {@link #SAVE_ANSWERS} for answers to distinct rows; the seq each row it wrote holds (a row it refused is absent). */
    private static Map<AnswerRow, Long> written(Connection connection, List<Save> saves) throws SQLException {
        Map<AnswerRow, Long> stored = new HashMap<>();
        try (PreparedStatement save = connection.prepareStatement(SAVE_ANSWERS)) {
            save.setString(1, rows(saves));
            try (ResultSet row = save.executeQuery()) {
                while (row.next()) {
                    stored.put(new AnswerRow(row.getLong(1), row.getInt(2)), row.getLong(3));
                }
            }
        }
        return stored;
    }

    /** The parameter of {@link #SAVE_ANSWERS}: the answers as its JSON rows, in the order given. */
    static String rows(List<Save> saves) {
        StringBuilder rows = new StringBuilder(saves.size() * 80).append('[');
        for (Save s : saves) {
            rows.append(rows.length() == 1 ? "[" : ",[").append(s.attemptId()).append(',').append(s.candidateId()).append(',')
                    .append(s.answer().position()).append(',').append(s.answer().option() == null ? "null" : s.answer().option().toString())
                    .append(',').append(s.answer().seq()).append(',').append(JSON.createValue(s.device()))
                    .append(",\"").append(WALL_TIME.format(Database.wallTime(s.now()))).append("\"]");
        }
        return rows.append(']').toString();
    }

    /** The seq the answer's row holds after the statement; 0 when the statement wrote nothing. */
    static long upsert(PreparedStatement save, long candidateId, long attemptId, Answer answer, String device,
                               Instant now) throws SQLException {
        int position = answer.position();
        Integer option = answer.option();
        long seq = answer.seq();
        save.setInt(1, position);
        if (option == null) {
            save.setNull(2, Types.TINYINT);
        } else {
            save.setInt(2, option);
        }
        LocalDateTime at = Database.wallTime(now);
        save.setObject(3, at);
        save.setLong(4, seq);
        save.setLong(5, attemptId);
        save.setLong(6, candidateId);
        save.setObject(7, at);
        save.setString(8, device);
        save.setInt(9, position);
        save.setInt(10, option == null ? 0 : option);
        save.setInt(11, position);
        try (ResultSet row = save.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    /** Throws the reason the attempt now gives for refusing this save, if it gives one. */
    private void refuse(long candidateId, long attemptId, int position, Integer option, String device,
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
        int options = attempt.optionCount(position);
        if (options == 0) {
            throw Problem.notFound("attempt.question-not-found", position);
        }
        if (option != null && option > options) {
            throw Problem.badRequest("attempt.option-invalid", option);
        }
    }
}
