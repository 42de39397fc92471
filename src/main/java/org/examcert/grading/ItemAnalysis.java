package org.examcert.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Classical item analysis over graded attempts, to spot bad questions: the share of attempts that
 * answered a question correctly, and its discrimination — the share correct among the top 27 % of
 * attempts by score minus the share among the bottom 27 %. A question the strong get wrong as often
 * as the weak (discrimination near or under 0) is likely ambiguous or keyed wrongly.
 */
public final class ItemAnalysis {

    /** Below this many attempts the groups are too small for discrimination to mean anything. */
    public static final int MIN_ATTEMPTS_FOR_DISCRIMINATION = 10;
    private static final double GROUP_SHARE = 0.27;

    /** One graded attempt: its score and, per question shown, whether it was answered and correct. */
    public record Attempt(BigDecimal score, Map<Long, Answer> answers) {
        public Attempt {
            Objects.requireNonNull(score, "score");
            answers = Map.copyOf(answers);
        }
    }

    public enum Answer { CORRECT, WRONG, BLANK }

    /** @param discrimination null when there were too few attempts or the question missed a group */
    public record ItemStatistics(long questionId, int shown, int answered, int correct, double shareCorrect,
                                 Double discrimination) {
    }

    private ItemAnalysis() {
    }

    /**
     * How one question fared: over all graded attempts that showed it, and over those in the
     * bottom and top groups (see {@link #groupSize}).
     */
    public record Tally(long questionId, int shown, int answered, int correct, int lowerShown, int lowerCorrect,
                        int upperShown, int upperCorrect) {
        public Tally {
            if (shown < 1 || answered > shown || correct > answered || lowerCorrect > lowerShown || upperCorrect > upperShown
                    || lowerShown + upperShown > shown) {
                throw new IllegalArgumentException("inconsistent tally for question " + questionId);
            }
        }
    }

    /**
     * How many attempts form each of the bottom and top groups, once attempts are ordered by score:
     * 27 % of them, none below {@link #MIN_ATTEMPTS_FOR_DISCRIMINATION} attempts.
     */
    public static int groupSize(int attempts) {
        return attempts < MIN_ATTEMPTS_FOR_DISCRIMINATION ? 0 : (int) Math.round(attempts * GROUP_SHARE);
    }

    /** Statistics from tallies (as a database aggregates them), in the tallies' order. */
    public static List<ItemStatistics> statistics(List<Tally> tallies) {
        return tallies.stream().map(t -> new ItemStatistics(t.questionId(), t.shown(), t.answered(), t.correct(),
                (double) t.correct() / t.shown(), t.lowerShown() > 0 && t.upperShown() > 0
                        ? (double) t.upperCorrect() / t.upperShown() - (double) t.lowerCorrect() / t.lowerShown() : null)).toList();
    }

    /** Statistics per question from the attempts themselves, in the order questions are first met. */
    public static List<ItemStatistics> analyse(List<Attempt> attempts) {
        List<Attempt> byScore = new ArrayList<>(attempts);
        byScore.sort(Comparator.comparing(Attempt::score));
        int groupSize = groupSize(byScore.size());
        Set<Attempt> lower = identitySet(byScore.subList(0, groupSize));
        Set<Attempt> upper = identitySet(byScore.subList(byScore.size() - groupSize, byScore.size()));

        Map<Long, int[]> tally = new LinkedHashMap<>(); // shown, answered, correct, lowerShown, lowerCorrect, upperShown, upperCorrect
        for (Attempt attempt : attempts) {
            boolean inLower = lower.contains(attempt);
            boolean inUpper = upper.contains(attempt);
            attempt.answers().forEach((question, answer) -> {
                int[] t = tally.computeIfAbsent(question, q -> new int[7]);
                int right = answer == Answer.CORRECT ? 1 : 0;
                t[0]++;
                t[1] += answer == Answer.BLANK ? 0 : 1;
                t[2] += right;
                if (inLower) {
                    t[3]++;
                    t[4] += right;
                }
                if (inUpper) {
                    t[5]++;
                    t[6] += right;
                }
            });
        }
        List<Tally> tallies = new ArrayList<>(tally.size());
        tally.forEach((question, t) -> tallies.add(new Tally(question, t[0], t[1], t[2], t[3], t[4], t[5], t[6])));
        return statistics(tallies);
    }

    private static Set<Attempt> identitySet(List<Attempt> attempts) {
        Set<Attempt> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        set.addAll(attempts);
        return set;
    }
}
