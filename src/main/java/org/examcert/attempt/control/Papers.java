package org.examcert.attempt.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.examcert.attempt.entity.Attempt;
import org.examcert.attempt.entity.AttemptItem;
import org.examcert.contest.PaperDraw;
import org.examcert.contest.PublishedContest;
import org.examcert.platform.database.Database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An attempt's paper. While it runs, nothing of it is stored but the seed: the same seed draws the
 * same paper from the same published version, and the answers are the saves' rows. When it ends,
 * the paper is written out with its answers ({@code attempt_item}), for grading, review,
 * statistics and the score audit, so a start costs one row and a save one statement.
 */
@ApplicationScoped
public class Papers {
    // Its methods are public for the CDI proxy: it calls a package-private method by reflection
    // (seen at 7 % of a start in a profile).

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** One question of a paper as shown, with the answer saved for it (null: none). */
    public record Line(int position, long questionId, List<Integer> optionOrder, Integer chosen, int correctOption) {
        static Line of(AttemptItem item) {
            return new Line(item.position(), item.questionId(), item.optionOrder(), item.chosenOption(), item.correctOption());
        }
    }

    /** The answer last saved for a position. */
    private record Answer(Integer chosen, Instant answeredAt, long seq) {
    }

    /** What a board's draws start from: its pools as the draw takes them, and every question's option count. */
    private record Pools(List<PaperDraw.Pool> pools, Map<String, Integer> optionCounts) {
        static Pools of(PublishedContest published, PublishedContest.Board board) {
            Map<String, Integer> optionCounts = new HashMap<>();
            List<PaperDraw.Pool> pools = new ArrayList<>();
            for (PublishedContest.Pool pool : board.pools()) {
                pools.add(new PaperDraw.Pool(pool.questionIds().stream().map(String::valueOf).toList(), pool.count()));
                pool.questionIds().forEach(id -> optionCounts.put(String.valueOf(id), published.question(id).options().size()));
            }
            return new Pools(pools, Map.copyOf(optionCounts));
        }

        List<PaperDraw.PaperItem> draw(PublishedContest published, long seed) {
            return PaperDraw.draw(seed, pools, optionCounts, published.rules().shuffleQuestions(), published.rules().shuffleOptions());
        }
    }

    /**
     * Each board's pools, prepared once per published version (a board of a cached version is the
     * key, by identity: it goes when the catalog lets the version go). Preparing them copied and
     * checked every pool at each start, a sixth of a start's time.
     */
    private final Cache<PublishedContest.Board, Pools> pools = Caffeine.newBuilder().weakKeys().maximumSize(1_000).build();

    /** Draws a paper: the same seed always gives the same paper from the same published version. */
    public static List<PaperDraw.PaperItem> draw(PublishedContest published, PublishedContest.Board board, long seed) {
        return Pools.of(published, board).draw(published, seed);
    }

    /** {@link #draw(PublishedContest, PublishedContest.Board, long)} from the board's prepared pools. */
    public List<PaperDraw.PaperItem> drawPrepared(PublishedContest published, PublishedContest.Board board, long seed) {
        return pools.get(board, b -> Pools.of(published, b)).draw(published, seed);
    }

    /** The paper of an attempt, drawn again from its seed. */
    public List<PaperDraw.PaperItem> drawn(Attempt attempt, PublishedContest published) {
        PublishedContest.Board board = published.board(attempt.boardCode())
                .orElseThrow(() -> new IllegalStateException("board " + attempt.boardCode() + " is not in version "
                        + published.version() + " of contest " + published.contestId()));
        return drawPrepared(published, board, attempt.seed());
    }

    /** A paper just drawn: nothing answered yet. */
    static List<Line> unanswered(List<PaperDraw.PaperItem> drawn, PublishedContest published) {
        return lines(drawn, Map.of(), published);
    }

    /** A running attempt's paper with the answers saved so far. */
    public List<Line> running(Attempt attempt, PublishedContest published) {
        return lines(drawn(attempt, published), answers(attempt.id(), false), published);
    }

    /**
     * Writes out an ending attempt's paper with its answers, in one statement. The answers are read
     * with a locking read: a save committed after this transaction's snapshot was taken still counts.
     * A paper already written (an attempt started before papers were drawn from the seed alone)
     * only takes the answers.
     */
    public void writeOut(Attempt attempt, PublishedContest published) {
        List<PaperDraw.PaperItem> drawn = drawn(attempt, published);
        Map<Integer, Answer> answers = answers(attempt.id(), true);
        StringBuilder sql = new StringBuilder("INSERT INTO attempt_item (attempt_id, position, question_id, option_order,"
                + " option_count, correct_option, points, chosen_option, answered_at, save_seq) VALUES ");
        for (int i = 0; i < drawn.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        sql.append(" ON DUPLICATE KEY UPDATE chosen_option = VALUES(chosen_option), answered_at = VALUES(answered_at),"
                + " save_seq = VALUES(save_seq)");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int p = 1;
            int position = 1;
            for (PaperDraw.PaperItem item : drawn) {
                PublishedContest.Question question = published.question(Long.parseLong(item.questionId()));
                Answer answer = answers.get(position);
                insert.setLong(p++, attempt.id());
                insert.setInt(p++, position);
                insert.setLong(p++, question.id());
                insert.setString(p++, AttemptItem.orderText(item.optionOrder()));
                insert.setInt(p++, item.optionOrder().size());
                insert.setInt(p++, question.correctOption());
                insert.setBigDecimal(p++, published.rules().pointsPerQuestion());
                if (answer == null || answer.chosen() == null) {
                    insert.setNull(p++, Types.TINYINT);
                } else {
                    insert.setInt(p++, answer.chosen());
                }
                insert.setTimestamp(p++, answer == null ? null : Timestamp.from(answer.answeredAt()));
                insert.setLong(p++, answer == null ? 0 : answer.seq());
                position++;
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing out the paper of attempt " + attempt.id() + " failed: " + e.getMessage(), e);
        }
    }

    private static List<Line> lines(List<PaperDraw.PaperItem> drawn, Map<Integer, Answer> answers, PublishedContest published) {
        List<Line> lines = new ArrayList<>(drawn.size());
        int position = 1;
        for (PaperDraw.PaperItem item : drawn) {
            PublishedContest.Question question = published.question(Long.parseLong(item.questionId()));
            Answer answer = answers.get(position);
            lines.add(new Line(position, question.id(), item.optionOrder(), answer == null ? null : answer.chosen(),
                    question.correctOption()));
            position++;
        }
        return lines;
    }

    private Map<Integer, Answer> answers(long attemptId, boolean locking) {
        Map<Integer, Answer> answers = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT position, chosen_option, answered_at, save_seq"
                     + " FROM attempt_answer WHERE attempt_id = ?" + (locking ? " LOCK IN SHARE MODE" : ""))) {
            select.setLong(1, attemptId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int chosen = rows.getInt(2);
                    answers.put(rows.getInt(1), new Answer(rows.wasNull() ? null : chosen,
                            rows.getTimestamp(3).toInstant(), rows.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the answers of attempt " + attemptId + " failed: " + e.getMessage(), e);
        }
        return answers;
    }
}
