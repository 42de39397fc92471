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

    /** Statistics per question, in the order questions are first met. */
    public static List<ItemStatistics> analyse(List<Attempt> attempts) {
        List<Attempt> byScore = new ArrayList<>(attempts);
        byScore.sort(Comparator.comparing(Attempt::score));
        int groupSize = (int) Math.round(byScore.size() * GROUP_SHARE);
        boolean grouped = byScore.size() >= MIN_ATTEMPTS_FOR_DISCRIMINATION && groupSize > 0;
        Set<Attempt> lower = grouped ? identitySet(byScore.subList(0, groupSize)) : Set.of();
        Set<Attempt> upper = grouped ? identitySet(byScore.subList(byScore.size() - groupSize, byScore.size())) : Set.of();

        Map<Long, int[]> tally = new LinkedHashMap<>(); // shown, answered, correct, upperShown, upperCorrect, lowerShown, lowerCorrect
        for (Attempt attempt : attempts) {
            boolean inUpper = upper.contains(attempt);
            boolean inLower = lower.contains(attempt);
            attempt.answers().forEach((question, answer) -> {
                int[] t = tally.computeIfAbsent(question, q -> new int[7]);
                int right = answer == Answer.CORRECT ? 1 : 0;
                t[0]++;
                t[1] += answer == Answer.BLANK ? 0 : 1;
                t[2] += right;
                if (inUpper) {
                    t[3]++;
                    t[4] += right;
                }
                if (inLower) {
                    t[5]++;
                    t[6] += right;
                }
            });
        }
        List<ItemStatistics> result = new ArrayList<>(tally.size());
        tally.forEach((question, t) -> {
            Double discrimination = grouped && t[3] > 0 && t[5] > 0
                    ? (double) t[4] / t[3] - (double) t[6] / t[5] : null;
            result.add(new ItemStatistics(question, t[0], t[1], t[2], (double) t[2] / t[0], discrimination));
        });
        return result;
    }

    private static Set<Attempt> identitySet(List<Attempt> attempts) {
        Set<Attempt> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        set.addAll(attempts);
        return set;
    }
}
