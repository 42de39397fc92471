package org.examcert.attempt.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.examcert.attempt.AttemptState;
import org.examcert.attempt.DeadlinePolicy;
import org.examcert.attempt.StartOutcome;
import org.examcert.attempt.entity.Attempt;
import org.examcert.attempt.entity.AttemptEvent;
import org.examcert.attempt.entity.AttemptItem;
import org.examcert.attempt.entity.Participation;
import org.examcert.candidate.EligibilityRule;
import org.examcert.candidate.entity.Candidate;
import org.examcert.contest.ContestRules;
import org.examcert.contest.ContestSummary;
import org.examcert.contest.PaperDraw;
import org.examcert.contest.PublishedContest;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starting an attempt, or resuming the one in progress: one candidate's starts run one after
 * another (the candidate's row is locked first), so however many tabs press "Bắt đầu" there is
 * one attempt, within the attempt limit and the contest's eligibility, with a paper drawn from
 * the recorded seed and written in one statement.
 */
@ApplicationScoped
public class AttemptStarts {

    private static final SecureRandom SEEDS = new SecureRandom();

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    ContestCatalog catalog;

    @Inject
    AttemptRecords records;

    @Inject
    PaperViews views;

    @Inject
    AttemptClosing closing;

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
        List<Attempt> earlier = locked.joinedNow() ? List.of() : records.attemptsOf(participation.id());
        Optional<Attempt> inProgress = earlier.stream().filter(a -> a.state() == AttemptState.IN_PROGRESS).findFirst();
        DeadlinePolicy deadlines = new DeadlinePolicy(rules.grace());
        if (inProgress.isPresent()) {
            Attempt attempt = inProgress.get();
            if (!deadlines.isOverdue(attempt.deadline(), now)) {
                boolean tookOver = attempt.activateDevice(device);
                if (tookOver) {
                    em.persist(new AttemptEvent(attempt.id(), now, "DEVICE_TAKEOVER", "new device " + device));
                }
                return new StartOutcome.Resumed(views.view(attempt, published, now), tookOver);
            }
            closing.finalizeAttempt(attempt, now, false);
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
        return new StartOutcome.Started(views.view(attempt, items, published, participation, now));
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

    private record LockedParticipation(Participation participation, boolean joinedNow) {
    }

    private LockedParticipation lockParticipation(Candidate candidate, PublishedContest contest, String requestedBoard,
                                                  Instant now) {
        Optional<Participation> existing = records.participation(candidate.id(), contest.contestId());
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
}
