package org.examcert.attempt.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.examcert.attempt.AttemptFinalized;
import org.examcert.attempt.AttemptState;
import org.examcert.attempt.DeadlinePolicy;
import org.examcert.attempt.PaperView;
import org.examcert.attempt.SaveOutcome;
import org.examcert.attempt.StartOutcome;
import org.examcert.attempt.SubmitOutcome;
import org.examcert.attempt.entity.Attempt;
import org.examcert.attempt.entity.AttemptEvent;
import org.examcert.attempt.entity.AttemptItem;
import org.examcert.attempt.entity.Participation;
import org.examcert.candidate.EligibilityRule;
import org.examcert.candidate.entity.Candidate;
import org.examcert.contest.ContestRules;
import org.examcert.contest.ContestSummary;
import org.examcert.contest.GradingBand;
import org.examcert.contest.PaperDraw;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.ReviewPolicy;
import org.examcert.contest.control.ContestCatalog;
import org.examcert.platform.Vietnam;
import org.examcert.platform.database.Database;
import org.examcert.platform.problem.Problem;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attempt lifecycle. Every method takes {@code now} from its caller; transactions are the
 * boundary's. Saving an answer is one conditional UPDATE; everything else locks what it changes.
 */
@ApplicationScoped
public class Attempts {

    private static final SecureRandom SEEDS = new SecureRandom();

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
    ContestCatalog catalog;

    @Inject
    Event<AttemptFinalized> finalized;

    public StartOutcome start(long candidateId, long contestId, String requestedBoard, String device, Instant now) {
        // The candidate's row, locked before anything else is read, serializes one candidate's starts:
        // it always exists, so no gap lock; the INSERT of a first participation then meets no rival
        // (concurrent INSERT IGNOREs took shared locks and deadlocked on the FOR UPDATE that followed);
        // and the snapshot of every read below is taken after the lock, so a start that waited sees
        // the attempt and paper its rival committed and resumes them instead of drawing a second one.
        Candidate candidate = Optional.ofNullable(em.find(Candidate.class, candidateId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> Problem.unauthorized("auth.required"));
        ContestSummary contest = catalog.require(contestId);
        if (!contest.isOpen(now)) {
            throw now.isBefore(contest.opensAt())
                    ? Problem.conflict("attempt.contest-not-open-yet", contest.opensAt())
                    : Problem.conflict("attempt.contest-closed");
        }
        PublishedContest published = catalog.current(contest);
        ContestRules rules = published.rules();
        checkEligible(candidate, rules.eligibility(), LocalDate.ofInstant(contest.opensAt(), Vietnam.ZONE));

        LockedParticipation locked = lockParticipation(candidate, published, requestedBoard, now);
        Participation participation = locked.participation();
        // one query finds both the attempt in progress and how many were started; none for a first start
        List<Attempt> earlier = locked.joinedNow() ? List.of() : attemptsOf(participation.id());
        Optional<Attempt> inProgress = earlier.stream().filter(a -> a.state() == AttemptState.IN_PROGRESS).findFirst();
        DeadlinePolicy deadlines = new DeadlinePolicy(rules.grace());
        if (inProgress.isPresent()) {
            Attempt attempt = inProgress.get();
            if (!deadlines.isOverdue(attempt.deadline(), now)) {
                boolean tookOver = attempt.activateDevice(device);
                if (tookOver) {
                    em.persist(new AttemptEvent(attempt.id(), now, "DEVICE_TAKEOVER", "new device " + device));
                }
                return new StartOutcome.Resumed(view(attempt, published, now), tookOver);
            }
            finalizeAttempt(attempt, now, false);
        }
        long started = earlier.size();
        if (!rules.allowsAnotherAttempt((int) started)) {
            throw Problem.conflict("attempt.limit-reached", rules.maxAttempts());
        }
        PublishedContest.Board board = published.board(participation.boardCode())
                .orElseThrow(() -> new IllegalStateException("board " + participation.boardCode() + " left the contest"));
        long seed = SEEDS.nextLong();
        List<PaperDraw.PaperItem> paper = draw(published, board, seed);
        Instant deadline = deadlines.deadline(now, rules.timeLimit(), contest.closesAt());
        Attempt attempt = new Attempt(participation, published.version(), (int) started + 1, seed, now,
                deadline, deadline.plus(rules.grace()), device, rules.maxScore());
        em.persist(attempt);
        em.flush();
        List<AttemptItem> items = new ArrayList<>(paper.size());
        int position = 1;
        for (PaperDraw.PaperItem item : paper) {
            PublishedContest.Question question = published.question(Long.parseLong(item.questionId()));
            items.add(new AttemptItem(attempt.id(), position++, question.id(), item.optionOrder(),
                    question.correctOption(), rules.pointsPerQuestion()));
        }
        insertPaper(items);
        return new StartOutcome.Started(view(attempt, items, published, participation, now));
    }

    /**
     * The paper in one multi-row INSERT on the transaction's connection: one round trip instead of
     * one per question, on the path that 20,000 candidates take within a minute.
     */
    private void insertPaper(List<AttemptItem> items) {
        StringBuilder sql = new StringBuilder("INSERT INTO attempt_item (attempt_id, position, question_id, option_order,"
                + " option_count, correct_option, points) VALUES ");
        for (int i = 0; i < items.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (AttemptItem item : items) {
                insert.setLong(p++, item.attemptId());
                insert.setInt(p++, item.position());
                insert.setLong(p++, item.questionId());
                insert.setString(p++, item.optionOrderText());
                insert.setInt(p++, item.optionCount());
                insert.setInt(p++, item.correctOption());
                insert.setBigDecimal(p++, item.points());
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing the paper failed: " + e.getMessage(), e);
        }
    }


    /** Draws a paper: the same seed always gives the same paper from the same published version. */
    public static List<PaperDraw.PaperItem> draw(PublishedContest published, PublishedContest.Board board, long seed) {
        Map<String, Integer> optionCounts = new HashMap<>();
        List<PaperDraw.Pool> pools = new ArrayList<>();
        for (PublishedContest.Pool pool : board.pools()) {
            pools.add(new PaperDraw.Pool(pool.questionIds().stream().map(String::valueOf).toList(), pool.count()));
            pool.questionIds().forEach(id -> optionCounts.put(String.valueOf(id), published.question(id).options().size()));
        }
        return PaperDraw.draw(seed, pools, optionCounts, published.rules().shuffleQuestions(), published.rules().shuffleOptions());
    }

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
        if (option != null && (option < 1 || option > 6)) {
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
        Attempt attempt = em.find(Attempt.class, attemptId);
        if (attempt == null || attempt.candidateId() != candidateId) {
            throw Problem.notFound("attempt.not-found", attemptId);
        }
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
        if (option != null && option > item.optionOrder().size()) {
            throw Problem.badRequest("attempt.option-invalid", option);
        }
        return new SaveOutcome.SupersededByNewer(position, item.saveSeq());
    }

    /** Submits; {@code prediction} answers the contest's tie-break question (ignored when it has none). */
    public SubmitOutcome submit(long candidateId, long attemptId, Integer prediction, Instant now) {
        Attempt attempt = em.find(Attempt.class, attemptId);
        if (attempt == null || attempt.candidateId() != candidateId) {
            throw Problem.notFound("attempt.not-found", attemptId);
        }
        attempt = lockForChange(attempt);
        PublishedContest published = catalog.version(attempt.contestId(), attempt.contestVersion());
        if (attempt.state().isFinal()) {
            return new SubmitOutcome.AlreadyFinal(view(attempt, published, now));
        }
        DeadlinePolicy deadlines = new DeadlinePolicy(published.rules().grace());
        boolean inTime = deadlines.acceptsAnswers(attempt.deadline(), now);
        if (prediction != null && inTime && published.rules().hasTieBreakQuestion()) {
            if (prediction < 0 || prediction > Attempt.MAX_PREDICTION) {
                throw Problem.badRequest("attempt.prediction-invalid", Attempt.MAX_PREDICTION);
            }
            attempt.predict(prediction);
        }
        finalizeAttempt(attempt, now, inTime);
        return new SubmitOutcome.Submitted(view(attempt, published, now));
    }

    /** The candidate's own attempt; an overdue one is finalized first, so nobody sees a stale "in progress". */
    public PaperView view(long candidateId, long attemptId, Instant now) {
        Attempt attempt = em.find(Attempt.class, attemptId);
        if (attempt == null || attempt.candidateId() != candidateId) {
            throw Problem.notFound("attempt.not-found", attemptId);
        }
        PublishedContest published = catalog.version(attempt.contestId(), attempt.contestVersion());
        if (attempt.state() == AttemptState.IN_PROGRESS
                && new DeadlinePolicy(published.rules().grace()).isOverdue(attempt.deadline(), now)) {
            attempt = lockForChange(attempt);
            if (attempt.state() == AttemptState.IN_PROGRESS) {
                finalizeAttempt(attempt, now, false);
            }
        }
        return view(attempt, published, now);
    }

    /** Attempts past their deadline and grace, oldest first: the sweeper's work list. */
    @SuppressWarnings("unchecked")
    public List<Long> overdue(Instant now, int limit) {
        List<Number> ids = em.createNativeQuery("SELECT id FROM attempt WHERE state = 'IN_PROGRESS' AND accept_until < ?1"
                        + " ORDER BY accept_until LIMIT ?2")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, limit)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Expires one overdue attempt unless another instance holds it (SKIP LOCKED) or it is no longer
     * overdue under its own contest's grace. Returns whether this call finalized it.
     */
    public boolean expireIfOverdue(long attemptId, Instant now) {
        Attempt attempt = em.find(Attempt.class, attemptId);
        if (attempt == null) {
            return false;
        }
        // participation first, then the attempt: the order every path takes (see lockForChange)
        List<?> locked = em.createNativeQuery("SELECT id FROM participation WHERE id = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, attempt.participationId()).getResultList();
        if (locked.isEmpty()) {
            return false;
        }
        em.lock(attempt, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(attempt);
        if (attempt.state() != AttemptState.IN_PROGRESS || !now.isAfter(attempt.acceptUntil())) {
            return false;
        }
        finalizeAttempt(attempt, now, false);
        return true;
    }

    /**
     * Locks an attempt for a change of state: its participation row first, then the attempt, the
     * order that start (participation, then its attempts) and grading (participation) also take,
     * so that a start, a submit and the sweeper on one candidate cannot deadlock.
     */
    private Attempt lockForChange(Attempt attempt) {
        em.find(Participation.class, attempt.participationId(), LockModeType.PESSIMISTIC_WRITE);
        em.lock(attempt, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(attempt);
        return attempt;
    }

    private void finalizeAttempt(Attempt attempt, Instant now, boolean submittedInTime) {
        if (submittedInTime) {
            attempt.submit(now, true);
        } else {
            attempt.expire();
            em.persist(new AttemptEvent(attempt.id(), now, "EXPIRED", "finalized at the deadline with the saved answers"));
        }
        em.flush();
        finalized.fire(new AttemptFinalized(attempt.id(), attempt.participationId(), attempt.contestId(), attempt.candidateId(), now));
    }

    public List<AttemptItem> items(long attemptId) {
        return em.createQuery("SELECT i FROM AttemptItem i WHERE i.attemptId = :a ORDER BY i.position", AttemptItem.class)
                .setParameter("a", attemptId).getResultList();
    }

    public List<Attempt> attemptsOf(long participationId) {
        return em.createQuery("SELECT a FROM Attempt a WHERE a.participationId = :p ORDER BY a.number", Attempt.class)
                .setParameter("p", participationId).getResultList();
    }

    public Optional<Participation> participation(long candidateId, long contestId) {
        return em.createQuery("SELECT p FROM Participation p WHERE p.candidateId = :c AND p.contestId = :k", Participation.class)
                .setParameter("c", candidateId).setParameter("k", contestId).getResultStream().findFirst();
    }

    private PaperView view(Attempt attempt, PublishedContest published, Instant now) {
        return view(attempt, items(attempt.id()), published, em.find(Participation.class, attempt.participationId()), now);
    }

    private PaperView view(Attempt attempt, List<AttemptItem> items, PublishedContest published, Participation participation,
                           Instant now) {
        ContestRules rules = published.rules();
        boolean fin = attempt.state().isFinal();
        boolean review = fin && rules.review() == ReviewPolicy.CORRECT_ANSWERS;
        List<PaperView.Item> questions = new ArrayList<>();
        int answered = 0;
        for (AttemptItem item : items) {
            PublishedContest.Question q = published.question(item.questionId());
            List<PaperView.Option> options = item.optionOrder().stream()
                    .map(n -> new PaperView.Option(n, q.options().get(n - 1))).toList();
            if (item.chosenOption() != null) {
                answered++;
            }
            questions.add(new PaperView.Item(item.position(), q.topic(), q.stem(), options, item.chosenOption(),
                    review ? Boolean.valueOf(item.correctOption() == (item.chosenOption() == null ? -1 : item.chosenOption())) : null,
                    review ? item.correctOption() : null,
                    review ? q.explanation() : null));
        }
        PaperView.Outcome outcome = null;
        if (fin && attempt.isGraded()) {
            GradingBand band = rules.bands().bandFor(attempt.score(), attempt.maxScore());
            outcome = new PaperView.Outcome(attempt.score(), attempt.maxScore(), attempt.correctCount(), band.key(),
                    band.labelVi(), rules.bands().reaches(band.key(), rules.passingBand()),
                    attempt.endedBy().name(), attempt.endedAt());
        }
        long remaining = fin ? 0 : Math.max(0, Duration.between(now, attempt.deadline()).toSeconds());
        return new PaperView(attempt.id(), attempt.contestId(), published.title(), participation.boardCode(),
                attempt.number(), attempt.state(), attempt.startedAt(), attempt.deadline(), now, remaining,
                answered, questions, outcome, rules.tieBreakQuestion(), attempt.prediction().orElse(null));
    }

    private record LockedParticipation(Participation participation, boolean joinedNow) {
    }

    private LockedParticipation lockParticipation(Candidate candidate, PublishedContest contest, String requestedBoard,
                                                  Instant now) {
        Optional<Participation> existing = participation(candidate.id(), contest.contestId());
        boolean joinedNow = false;
        if (existing.isEmpty()) {
            String board = chooseBoard(candidate, contest, requestedBoard);
            joinedNow = em.createNativeQuery("INSERT IGNORE INTO participation (candidate_id, contest_id, board_code, joined_at)"
                            + " VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, candidate.id()).setParameter(2, contest.contestId())
                    .setParameter(3, board).setParameter(4, Timestamp.from(now))
                    .executeUpdate() == 1;
        }
        return new LockedParticipation(em.createQuery("SELECT p FROM Participation p WHERE p.candidateId = :c AND p.contestId = :k", Participation.class)
                .setParameter("c", candidate.id()).setParameter("k", contest.contestId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult(), joinedNow);
    }

    /** The board of the candidate's registration when the contest has it; otherwise the one asked for, or the only one. */
    private static String chooseBoard(Candidate candidate, PublishedContest contest, String requested) {
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

    private static void checkEligible(Candidate candidate, EligibilityRule rule, LocalDate on) {
        switch (rule.check(candidate.birthDate(), on)) {
            case TOO_YOUNG, TOO_OLD -> throw Problem.forbidden("attempt.not-eligible", rule.minAge(), rule.maxAge(),
                    rule.ageOn(candidate.birthDate(), on));
            case ELIGIBLE -> { }
        }
    }

    private static AttemptItem.Key itemKey(long attemptId, int position) {
        return new AttemptItem.Key(attemptId, position);
    }
}
