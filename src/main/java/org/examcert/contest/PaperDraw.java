package org.examcert.contest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws one attempt's paper reproducibly from a stored seed: from each pool, {@code count} distinct
 * questions chosen uniformly at random (a question taken by an earlier pool is skipped), optionally
 * shuffling the whole paper and each question's options.
 *
 * <p>Papers are re-derived from the stored seed, so the order in which random numbers are consumed
 * (pools in order, then the paper shuffle, then options question by question) is part of the
 * contract: changing it would change the papers of attempts already started.
 */
public final class PaperDraw {

    private PaperDraw() {
    }

    /** A pool of candidate question ids, in a stable order, and how many to take from it. */
    public record Pool(List<String> questionIds, int count) {
        public Pool {
            Objects.requireNonNull(questionIds, "questionIds are required");
            questionIds = List.copyOf(questionIds);
            if (questionIds.isEmpty()) {
                throw new IllegalArgumentException("a pool needs at least one question");
            }
            if (new HashSet<>(questionIds).size() != questionIds.size()) {
                throw new IllegalArgumentException("a pool must not list a question twice: " + questionIds);
            }
            if (count < 1 || count > questionIds.size()) {
                throw new IllegalArgumentException(
                        "pool count must be between 1 and " + questionIds.size() + ", got " + count);
            }
        }
    }

    /** One question of the paper and the order its options are shown in (a permutation of 1..n). */
    public record PaperItem(String questionId, List<Integer> optionOrder) {
        public PaperItem {
            Objects.requireNonNull(questionId, "questionId is required");
            Objects.requireNonNull(optionOrder, "optionOrder is required");
            optionOrder = List.copyOf(optionOrder);
            List<Integer> sorted = new ArrayList<>(optionOrder);
            Collections.sort(sorted);
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i) != i + 1) {
                    throw new IllegalArgumentException("optionOrder must be a permutation of 1.."
                            + optionOrder.size() + ", got " + optionOrder);
                }
            }
            if (optionOrder.isEmpty()) {
                throw new IllegalArgumentException("question " + questionId + " needs at least one option");
            }
        }
    }

    /**
     * @param optionCounts number of options of every question that appears in a pool
     * @throws IllegalArgumentException when a pool cannot supply its count once earlier pools' questions
     *     are skipped, or a question's option count is missing or below 2
     */
    public static List<PaperItem> draw(long seed, List<Pool> pools, Map<String, Integer> optionCounts,
            boolean shuffleQuestions, boolean shuffleOptions) {
        Objects.requireNonNull(pools, "pools are required");
        Objects.requireNonNull(optionCounts, "optionCounts are required");
        if (pools.isEmpty()) {
            throw new IllegalArgumentException("a paper needs at least one pool");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> taken = new LinkedHashSet<>();
        List<String> paper = new ArrayList<>();
        for (int p = 0; p < pools.size(); p++) {
            Pool pool = Objects.requireNonNull(pools.get(p), "pool " + p + " is null");
            List<String> available = new ArrayList<>();
            for (String id : pool.questionIds()) {
                if (!taken.contains(id)) {
                    available.add(id);
                }
            }
            if (available.size() < pool.count()) {
                throw new IllegalArgumentException("pool " + p + " must supply " + pool.count()
                        + " questions but only " + available.size()
                        + " are not already taken by earlier pools");
            }
            // Partial Fisher–Yates: positions 0..count-1 end up holding a uniform random sample.
            for (int i = 0; i < pool.count(); i++) {
                Collections.swap(available, i, i + random.nextInt(available.size() - i));
            }
            List<String> chosen = available.subList(0, pool.count());
            if (!shuffleQuestions) {
                Set<String> chosenSet = new HashSet<>(chosen);
                chosen = pool.questionIds().stream().filter(chosenSet::contains).toList();
            }
            taken.addAll(chosen);
            paper.addAll(chosen);
        }
        if (shuffleQuestions) {
            shuffle(paper, random);
        }
        List<PaperItem> items = new ArrayList<>(paper.size());
        for (String id : paper) {
            Integer optionCount = optionCounts.get(id);
            if (optionCount == null || optionCount < 2) {
                throw new IllegalArgumentException(
                        "question " + id + " needs an option count of at least 2, got " + optionCount);
            }
            List<Integer> order = new ArrayList<>(optionCount);
            for (int o = 1; o <= optionCount; o++) {
                order.add(o);
            }
            if (shuffleOptions) {
                shuffle(order, random);
            }
            items.add(new PaperItem(id, order));
        }
        return List.copyOf(items);
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
