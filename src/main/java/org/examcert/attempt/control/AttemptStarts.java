package org.examcert.attempt.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.attempt.AttemptState;
import org.examcert.attempt.DeadlinePolicy;
import org.examcert.attempt.PaperView;
import org.examcert.attempt.StartOutcome;
import org.examcert.attempt.entity.Attempt;
import org.examcert.attempt.entity.AttemptEvent;
import org.examcert.candidate.EligibilityRule;
import org.examcert.candidate.CandidateProfile;
import org.examcert.candidate.StandardBoard;
import org.examcert.candidate.control.Candidates;
import org.examcert.contest.ContestRules;
import org.examcert.contest.ContestSummary;
import org.examcert.contest.PaperDraw;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.control.ContestCatalog;
import org.examcert.platform.Vietnam;
import org.examcert.platform.database.Database;
import org.examcert.platform.database.UniqueKey;
import org.examcert.platform.problem.Problem;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Starting an attempt, or resuming the one in progress, within the attempt limit and the contest's
 * eligibility. A new attempt is one row: its recorded seed draws its paper again whenever it is
 * shown (see {@link Papers}). 20,000 candidates take this path within the opening minute, so a start
 * is plain JDBC, and one that needs nothing but new rows ({@link #startNew}) takes no transaction
 * and no lock: the unique keys of a participation (candidate, contest) and of an attempt
 * (participation, number) let one of two rival starts write, and the other one learns it and takes
 * the locked path ({@link #start}), which resumes what its rival began. So however many tabs press
 * "Bắt đầu" there is one attempt.
 */
@ApplicationScoped
public class AttemptStarts {

    private static final SecureRandom SEEDS = new SecureRandom();

    /** The refusal of a start that met a rival's row; the boundary makes such a start again. */
    public static final String RIVAL_MET = "attempt.started-meanwhile";

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Candidates candidates;

    @Inject
    ContestCatalog catalog;

    @Inject
    PaperViews views;

    @Inject
    AttemptClosing closing;

    @Inject
    Papers papers;

    /**
     * Starts a new attempt, outside any transaction, when that is all the start has to do: no
     * attempt of the candidate's is in progress. At most three statements in auto-commit (the
     * candidate with their seat, a first start's participation, the attempt) and no lock, for the
     * opening minute. Empty when the start
     * needs {@link #start}: an attempt runs (to be resumed, or ended when its time is up), or a rival
     * start of the same candidate wrote the participation or the attempt first.
     */
    public Optional<StartOutcome> startNew(long candidateId, long contestId, String requestedBoard, String device, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            Found found = find(connection, candidateId, contestId);
            Entry entry = entry(found.candidate(), contestId, now);
            Optional<Seat> seat = found.seat().isPresent() ? found.seat() : newSeat(connection, entry, requestedBoard, now);
            if (seat.isEmpty() || seat.get().running().isPresent()) {
                return Optional.empty();
            }
            return newAttempt(connection, entry, seat.get(), device, now).map(StartOutcome.Started::new);
        } catch (SQLException e) {
            throw new IllegalStateException("starting an attempt of candidate " + candidateId + " failed: " + e.getMessage(), e);
        }
    }

    /** The candidate (empty: no such candidate) and their seat in the contest (empty: none yet). */
    private record Found(Optional<CandidateProfile> candidate, Optional<Seat> seat) {
    }

    /**
     * What a start reads in one statement: the candidate's birth date and board (the columns
     * {@code Candidates.lockForStart} reads, for the same checks) and their seat. The locked start
     * reads it after its lock, for the seat.
     */
    private static Found find(Connection connection, long candidateId, long contestId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT p.id, p.board_code, a.id, a.state,"
                + " c.birth_date, c.board FROM candidate c"
                + " LEFT JOIN participation p ON p.candidate_id = c.id AND p.contest_id = ?"
                + " LEFT JOIN attempt a ON a.participation_id = p.id WHERE c.id = ?")) {
            select.setLong(1, contestId);
            select.setLong(2, candidateId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return new Found(Optional.empty(), Optional.empty());
                }
                // getDate, not getObject(…, LocalDate.class): the pool's wrapper finds that by reflection
                CandidateProfile candidate = new CandidateProfile(candidateId, rows.getDate(5).toLocalDate(),
                        StandardBoard.valueOf(rows.getString(6)));
                boolean seated = rows.getObject(1) != null; // no participation yet: p.id is null
                return new Found(Optional.of(candidate), seated ? Optional.of(seat(rows)) : Optional.empty());
            }
        }
    }

    /**
     * Starts an attempt or resumes the one in progress, in the caller's transaction: one
     * candidate's locked starts run one after another (the candidate's row is locked first).
     */
    public StartOutcome start(long candidateId, long contestId, String requestedBoard, String device, Instant now) {
        // The candidate's row, locked before anything else is read, serializes one candidate's locked
        // starts: it always exists, so no gap lock; and the snapshot of every read below is taken
        // after the lock, so a start that waited sees the attempt its rival committed and resumes it.
        Entry entry = entry(candidates.lockForStart(candidateId), contestId, now);
        try (Connection connection = dataSource.getConnection()) {
            Optional<Seat> found = find(connection, candidateId, contestId).seat();
            Seat seat = (found.isPresent() ? found : newSeat(connection, entry, requestedBoard, now)).orElseThrow(AttemptStarts::rivalMet);
            Optional<Long> running = seat.running();
            if (running.isPresent()) {
                Optional<StartOutcome> resumed = resume(running.get(), device, now);
                if (resumed.isPresent()) {
                    return resumed.get();
                }
            }
            return new StartOutcome.Started(newAttempt(connection, entry, seat, device, now)
                    .orElseThrow(AttemptStarts::rivalMet));
        } catch (SQLException e) {
            throw new IllegalStateException("starting an attempt of candidate " + candidateId + " failed: " + e.getMessage(), e);
        }
    }

    /** What every start checks first: the candidate, the contest open now, its published version, the candidate's eligibility. */
    private record Entry(CandidateProfile candidate, ContestSummary contest, PublishedContest published) {
    }

    private Entry entry(Optional<CandidateProfile> profile, long contestId, Instant now) {
        CandidateProfile candidate = profile.orElseThrow(() -> Problem.unauthorized("auth.required"));
        ContestSummary contest = catalog.require(contestId);
        if (!contest.isOpen(now)) {
            throw now.isBefore(contest.opensAt())
                    ? Problem.conflict("attempt.contest-not-open-yet", contest.opensAt())
                    : Problem.conflict("attempt.contest-closed");
        }
        PublishedContest published = catalog.current(contest);
        checkEligible(candidate, published.rules().eligibility(), LocalDate.ofInstant(contest.opensAt(), Vietnam.ZONE));
        return new Entry(candidate, contest, published);
    }

    /** A new attempt in the seat, within the attempt limit; empty when a rival start took its number first. */
    private Optional<PaperView> newAttempt(Connection connection, Entry entry, Seat seat, String device, Instant now)
            throws SQLException {
        PublishedContest published = entry.published();
        ContestRules rules = published.rules();
        int started = seat.attempts();
        if (!rules.allowsAnotherAttempt(started)) {
            throw Problem.conflict("attempt.limit-reached", rules.maxAttempts());
        }
        PublishedContest.Board board = published.board(seat.boardCode())
                .orElseThrow(() -> new IllegalStateException("board " + seat.boardCode() + " left the contest"));
        long seed = SEEDS.nextLong();
        List<PaperDraw.PaperItem> paper = papers.drawPrepared(published, board, seed);
        DeadlinePolicy deadlines = new DeadlinePolicy(rules.grace());
        Instant deadline = deadlines.deadline(now, rules.timeLimit(), entry.contest().closesAt());
        Attempt attempt = new Attempt(new Attempt.Entry(seat.participationId(), entry.candidate().id(), entry.contest().id(),
                seat.boardCode()), published.version(), started + 1, seed, paper.stream().map(i -> i.optionOrder().size()).toList(),
                now, deadline, deadline.plus(rules.grace()), device, rules.maxScore());
        OptionalLong attemptId = insert(connection, attempt);
        return attemptId.isEmpty() ? Optional.empty()
                : Optional.of(views.view(attemptId.getAsLong(), attempt, Papers.unanswered(paper, published), published, now));
    }

    /**
     * A rival start, which took no lock, wrote the row this locked one meant to: the start is
     * made again ({@link #RIVAL_MET}), and then resumes the rival's attempt.
     */
    private static Problem rivalMet() {
        return Problem.conflict(RIVAL_MET);
    }

    /**
     * The attempt in progress, resumed on this device; or, when its time is up, ended (then empty:
     * the start goes on to a new one). Locked as every change of an attempt's state is.
     */
    private Optional<StartOutcome> resume(long attemptId, String device, Instant now) {
        Attempt attempt = closing.lockForChange(em.find(Attempt.class, attemptId));
        if (attempt.state() != AttemptState.IN_PROGRESS) {
            return Optional.empty(); // the sweeper ended it in between
        }
        PublishedContest version = catalog.version(attempt.contestId(), attempt.contestVersion());
        if (new DeadlinePolicy(version.rules().grace()).isOverdue(attempt.deadline(), now)) {
            closing.finalizeAttempt(attempt, now, false);
            return Optional.empty();
        }
        boolean tookOver = attempt.activateDevice(device);
        if (tookOver) {
            em.persist(new AttemptEvent(attempt.id(), now, "DEVICE_TAKEOVER", "new device " + device));
        }
        return Optional.of(new StartOutcome.Resumed(views.view(attempt, version, now), tookOver));
    }

    /** The candidate's participation in the contest, and the attempts made in it so far. */
    private record Seat(long participationId, String boardCode, int attempts, Optional<Long> running) {
    }

    /** A seat from the rows of its attempts (p.id, p.board_code, a.id, a.state), the cursor on the first. */
    private static Seat seat(ResultSet rows) throws SQLException {
        long participation = rows.getLong(1);
        String board = rows.getString(2);
        int attempts = 0;
        Long running = null;
        do {
            long attempt = rows.getLong(3);
            if (!rows.wasNull()) {
                attempts++;
                if (AttemptState.valueOf(rows.getString(4)) == AttemptState.IN_PROGRESS) {
                    running = attempt;
                }
            }
        } while (rows.next());
        return new Seat(participation, board, attempts, Optional.ofNullable(running));
    }

    /** A first start's seat, inserted; empty when a rival start inserted it since it was looked for (the key's violation). */
    private Optional<Seat> newSeat(Connection connection, Entry entry, String requestedBoard, Instant now) throws SQLException {
        CandidateProfile candidate = entry.candidate();
        PublishedContest contest = entry.published();
        String board = chooseBoard(candidate, contest, requestedBoard);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO participation (candidate_id, contest_id,"
                + " board_code, joined_at) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, candidate.id());
            insert.setLong(2, contest.contestId());
            insert.setString(3, board);
            insert.setObject(4, Database.wallTime(now));
            insert.executeUpdate();
            return Optional.of(new Seat(generatedId(insert), board, 0, Optional.empty()));
        } catch (SQLException e) {
            if (UniqueKey.violated(e, "uq_participation")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Inserts a new attempt, one row; its id, or empty when a rival start took its number (the key's violation). */
    private static OptionalLong insert(Connection connection, Attempt attempt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO attempt (participation_id, candidate_id,"
                + " contest_id, contest_version, board_code, number, seed, option_counts, state, started_at, deadline,"
                + " accept_until, device_id, device_changes, max_score, row_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 1)", Statement.RETURN_GENERATED_KEYS)) {
            int p = 1;
            insert.setLong(p++, attempt.participationId());
            insert.setLong(p++, attempt.candidateId());
            insert.setLong(p++, attempt.contestId());
            insert.setInt(p++, attempt.contestVersion());
            insert.setString(p++, attempt.boardCode());
            insert.setInt(p++, attempt.number());
            insert.setLong(p++, attempt.seed());
            insert.setString(p++, attempt.optionCountsText());
            insert.setString(p++, attempt.state().name());
            insert.setObject(p++, Database.wallTime(attempt.startedAt()));
            insert.setObject(p++, Database.wallTime(attempt.deadline()));
            insert.setObject(p++, Database.wallTime(attempt.acceptUntil()));
            insert.setString(p++, attempt.deviceId());
            insert.setBigDecimal(p, attempt.maxScore());
            insert.executeUpdate();
            return OptionalLong.of(generatedId(insert));
        } catch (SQLException e) {
            if (UniqueKey.violated(e, "uq_attempt_number")) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    private static long generatedId(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated id");
            }
            return keys.getLong(1);
        }
    }

    /** The board of the candidate's registration when the contest has it; otherwise the one asked for, or the only one. */
    private static String chooseBoard(CandidateProfile candidate, PublishedContest contest, String requested) {
        if (contest.board(candidate.board().name()).isPresent()) {
            return candidate.board().name();
        }
        if (requested != null && contest.board(requested).isPresent()) {
            return requested;
        }
        if (contest.boards().size() == 1) {
            return contest.boards().get(0).code();
        }
        throw Problem.unprocessable("attempt.board-required",
                String.join(", ", contest.boards().stream().map(PublishedContest.Board::code).toList()));
    }

    private static void checkEligible(CandidateProfile candidate, EligibilityRule rule, LocalDate on) {
        switch (rule.check(candidate.birthDate(), on)) {
            case TOO_YOUNG, TOO_OLD -> throw Problem.forbidden("attempt.not-eligible", rule.minAge(), rule.maxAge(),
                    rule.ageOn(candidate.birthDate(), on));
            case ELIGIBLE -> { }
        }
    }
}
