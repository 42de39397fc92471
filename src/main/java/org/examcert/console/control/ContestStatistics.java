package org.examcert.console.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.candidate.control.Units;
import org.examcert.console.UnitParticipation;
import org.examcert.contest.GradingBand;
import org.examcert.contest.entity.Contest;
import org.examcert.grading.ItemAnalysis;
import org.examcert.grading.RankingOrder;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the organizing board follows during a contest, read straight from the exam tables: one row
 * per participant with their official result, counts per board, unit and band, attempts over time,
 * per-question statistics and the rankings. The scan over every answer of a contest is cached for a
 * short while, so a dashboard left open on many screens does not repeat it.
 * Its length (about 250 lines) is the reports' queries themselves; split, one cached scan would be
 * spread over several classes.
 */
@ApplicationScoped
public class ContestStatistics {

    private static final Duration ITEM_CACHE = Duration.ofSeconds(15);

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    Units units;

    private final Cache<Long, List<QuestionStatistics>> itemCache = Caffeine.newBuilder()
            .expireAfterWrite(ITEM_CACHE).maximumSize(200).build();

    /** One participant of a contest and their official result (result fields null before any graded attempt). */
    public record Participant(long participationId, long candidateId, String fullName, String email, String phone,
                              String unit, String board, int attempts, BigDecimal score, BigDecimal maxScore,
                              String band, Boolean completed, Instant officialStartedAt, Instant officialEndedAt,
                              Integer prediction, String certificateSerial) {
        public boolean graded() {
            return score != null;
        }

        public Duration officialDuration() {
            return Duration.between(officialStartedAt, officialEndedAt);
        }
    }

    public record QuestionStatistics(long questionId, String bank, String externalId, String stem, int shown,
                                     int answered, int correct, double shareCorrect, Double discrimination) {
    }

    public record HourCount(Instant at, long started, long submitted) {
    }

    public record Standing(int rank, Participant participant) {
    }

    @SuppressWarnings("unchecked")
    public List<Participant> participants(long contestId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.id, c.id, c.full_name, c.email, c.phone, c.unit, p.board_code,
                       (SELECT COUNT(*) FROM attempt x WHERE x.participation_id = p.id),
                       r.official_score, r.max_score, r.band, r.completed, a.started_at, a.ended_at, a.prediction,
                       (SELECT MAX(z.serial) FROM certificate z WHERE z.participation_id = p.id AND z.status = 'VALID')
                FROM participation p
                JOIN candidate c ON c.id = p.candidate_id
                LEFT JOIN result r ON r.participation_id = p.id
                LEFT JOIN attempt a ON a.id = r.official_attempt_id
                WHERE p.contest_id = ?1
                ORDER BY p.board_code, c.full_name, c.id""").setParameter(1, contestId).getResultList();
        List<Participant> participants = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            participants.add(new Participant(number(r[0]), number(r[1]), (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (int) number(r[7]), (BigDecimal) r[8], (BigDecimal) r[9], (String) r[10],
                    r[11] == null ? null : truth(r[11]), instant(r[12]), instant(r[13]),
                    r[14] == null ? null : (int) number(r[14]), (String) r[15]));
        }
        return participants;
    }

    /** Attempts of the contest by state. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> attemptsByState(long contestId) {
        List<Object[]> rows = em.createNativeQuery("SELECT state, COUNT(*) FROM attempt WHERE contest_id = ?1 GROUP BY state")
                .setParameter(1, contestId).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> number(r[1]), (a, b) -> a, TreeMap::new));
    }

    public long certificatesValid(long contestId) {
        return number(em.createNativeQuery("SELECT COUNT(*) FROM certificate WHERE contest_id = ?1 AND status = 'VALID'")
                .setParameter(1, contestId).getSingleResult());
    }

    /** Attempts started and ended per hour (UTC hours), oldest first. */
    @SuppressWarnings("unchecked")
    public List<HourCount> timeline(long contestId) {
        Map<Instant, long[]> hours = new TreeMap<>();
        List<Object[]> started = em.createNativeQuery("SELECT DATE_FORMAT(started_at, '%Y-%m-%dT%H:00:00Z'), COUNT(*)"
                + " FROM attempt WHERE contest_id = ?1 GROUP BY 1").setParameter(1, contestId).getResultList();
        started.forEach(r -> hours.computeIfAbsent(Instant.parse((String) r[0]), h -> new long[2])[0] = number(r[1]));
        List<Object[]> ended = em.createNativeQuery("SELECT DATE_FORMAT(ended_at, '%Y-%m-%dT%H:00:00Z'), COUNT(*)"
                + " FROM attempt WHERE contest_id = ?1 AND ended_at IS NOT NULL GROUP BY 1").setParameter(1, contestId).getResultList();
        ended.forEach(r -> hours.computeIfAbsent(Instant.parse((String) r[0]), h -> new long[2])[1] = number(r[1]));
        return hours.entrySet().stream().map(e -> new HourCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** Per-question statistics over every graded attempt, worst share correct first. */
    public List<QuestionStatistics> questions(long contestId) {
        return itemCache.get(contestId, this::analyse);
    }

    /**
     * The database tallies every question (shown, answered, correct, and in the bottom and top
     * groups by score) so that no answer row crosses to Java: a contest of 20,000 candidates has
     * 600,000 of them. The group size comes from {@link ItemAnalysis#groupSize}.
     */
    @SuppressWarnings("unchecked")
    private List<QuestionStatistics> analyse(long contestId) {
        int graded = (int) number(em.createNativeQuery("SELECT COUNT(*) FROM attempt WHERE contest_id = ?1 AND score IS NOT NULL")
                .setParameter(1, contestId).getSingleResult());
        int group = ItemAnalysis.groupSize(graded);
        List<Object[]> rows = em.createNativeQuery("""
                SELECT i.question_id, COUNT(*),
                       SUM(i.chosen_option IS NOT NULL), SUM(i.chosen_option <=> i.correct_option),
                       SUM(g.rn <= ?2), SUM(g.rn <= ?2 AND i.chosen_option <=> i.correct_option),
                       SUM(g.rn > ?3), SUM(g.rn > ?3 AND i.chosen_option <=> i.correct_option)
                FROM attempt_item i
                JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY score, id) AS rn
                      FROM attempt WHERE contest_id = ?1 AND score IS NOT NULL) g ON g.id = i.attempt_id
                GROUP BY i.question_id
                ORDER BY i.question_id""")
                .setParameter(1, contestId).setParameter(2, group).setParameter(3, graded - group).getResultList();
        List<ItemAnalysis.Tally> tallies = rows.stream().map(r -> new ItemAnalysis.Tally(number(r[0]), (int) number(r[1]),
                (int) number(r[2]), (int) number(r[3]), (int) number(r[4]), (int) number(r[5]), (int) number(r[6]),
                (int) number(r[7]))).toList();
        List<ItemAnalysis.ItemStatistics> items = ItemAnalysis.statistics(tallies);
        Map<Long, Object[]> texts = questionTexts(items.stream().map(ItemAnalysis.ItemStatistics::questionId).toList());
        return items.stream().map(s -> {
            Object[] t = texts.getOrDefault(s.questionId(), new Object[]{null, "", "", ""});
            return new QuestionStatistics(s.questionId(), (String) t[1], (String) t[2], (String) t[3], s.shown(),
                    s.answered(), s.correct(), s.shareCorrect(), s.discrimination());
        }).sorted(java.util.Comparator.comparingDouble(QuestionStatistics::shareCorrect)).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Object[]> questionTexts(List<Long> ids) {
        Map<Long, Object[]> texts = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String in = chunk.stream().map(String::valueOf).collect(Collectors.joining(","));
            List<Object[]> rows = em.createNativeQuery("SELECT q.id, b.code, q.external_id, q.stem FROM question q"
                    + " JOIN question_bank b ON b.id = q.bank_id WHERE q.id IN (" + in + ")").getResultList();
            rows.forEach(r -> texts.put(number(r[0]), r));
        }
        return texts;
    }

    /**
     * The true answer to the contest's tie-break prediction — how many participants have the maximum
     * official score — or null when the contest asks none.
     */
    public Integer tieBreakTruth(Contest contest, List<Participant> participants) {
        if (!contest.rules().hasTieBreakQuestion()) {
            return null;
        }
        return (int) participants.stream().filter(p -> p.graded() && p.score().compareTo(p.maxScore()) == 0).count();
    }

    /** A board's standings and the truth they were ranked against (null without a prediction question). */
    public record Rankings(List<Standing> standings, Integer tieBreakTruth) {
    }

    /** The rankings of one board (all boards when {@code board} is null), by {@link RankingOrder}. */
    public Rankings rankings(Contest contest, String board) {
        List<Participant> participants = participants(contest.id());
        Integer truth = tieBreakTruth(contest, participants);
        return new Rankings(rank(participants.stream().filter(p -> board == null || board.equals(p.board())).toList(), truth), truth);
    }

    /** Each graded participant's rank within their own board (participation id → rank). */
    public Map<Long, Integer> boardRanks(Contest contest, List<Participant> participants) {
        Integer truth = tieBreakTruth(contest, participants);
        Map<Long, Integer> ranks = new HashMap<>();
        participants.stream().collect(Collectors.groupingBy(Participant::board)).values()
                .forEach(board -> rank(board, truth).forEach(s -> ranks.put(s.participant().participationId(), s.rank())));
        return ranks;
    }

    private static List<Standing> rank(List<Participant> participants, Integer truth) {
        Map<Long, Participant> byCandidate = new HashMap<>();
        List<RankingOrder.Entry> entries = new ArrayList<>();
        for (Participant p : participants) {
            if (p.graded()) {
                byCandidate.put(p.candidateId(), p);
                entries.add(new RankingOrder.Entry(p.candidateId(), p.score(), p.officialDuration(), p.officialEndedAt(),
                        p.prediction()));
            }
        }
        return RankingOrder.rank(entries, truth).stream()
                .map(r -> new Standing(r.rank(), byCandidate.get(r.entry().candidateId()))).toList();
    }

    /** The per-unit participation report for a contest. */
    @SuppressWarnings("unchecked")
    public List<UnitParticipation.Row> unitReport(Contest contest) {
        List<UnitParticipation.Unit> listed = units.all().stream()
                .map(u -> new UnitParticipation.Unit(u.code(), u.name(), u.expectedMembers())).toList();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.unit, p.id, r.completed, r.band
                FROM candidate c
                LEFT JOIN participation p ON p.candidate_id = c.id AND p.contest_id = ?1
                LEFT JOIN result r ON r.participation_id = p.id""").setParameter(1, contest.id()).getResultList();
        List<UnitParticipation.Candidate> candidates = rows.stream().map(r -> new UnitParticipation.Candidate(
                (String) r[0], r[1] != null, r[2] != null && truth(r[2]), (String) r[3])).toList();
        return UnitParticipation.report(listed, candidates, bandKeys(contest));
    }

    public static List<String> bandKeys(Contest contest) {
        return contest.rules().bands().bands().stream().map(GradingBand::key).toList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        return (Instant) value;
    }
}
