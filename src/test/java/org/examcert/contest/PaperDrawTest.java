package org.examcert.contest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.examcert.contest.PaperDraw.PaperItem;
import org.examcert.contest.PaperDraw.Pool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PaperDrawTest {

    /** Questions a01..a10 (4 options), b01..b08 (3 options), c01..c05 (5 options). */
    private static final Pool EASY = pool("a", 10, 3);
    private static final Pool MEDIUM = pool("b", 8, 4);
    private static final Pool HARD = pool("c", 5, 2);
    private static final List<Pool> POOLS = List.of(EASY, MEDIUM, HARD);
    private static final Map<String, Integer> OPTION_COUNTS = optionCounts();

    private static Pool pool(String prefix, int size, int count) {
        return new Pool(IntStream.rangeClosed(1, size).mapToObj(i -> id(prefix, i)).toList(), count);
    }

    private static String id(String prefix, int i) {
        return String.format("%s%02d", prefix, i);
    }

    private static Map<String, Integer> optionCounts() {
        Map<String, Integer> counts = new HashMap<>();
        IntStream.rangeClosed(1, 10).forEach(i -> counts.put(id("a", i), 4));
        IntStream.rangeClosed(1, 8).forEach(i -> counts.put(id("b", i), 3));
        IntStream.rangeClosed(1, 5).forEach(i -> counts.put(id("c", i), 5));
        return Map.copyOf(counts);
    }

    private static List<String> ids(List<PaperItem> paper) {
        return paper.stream().map(PaperItem::questionId).toList();
    }

    @ParameterizedTest(name = "[{index}] seed {0}, shuffleQuestions={1}, shuffleOptions={2}")
    @CsvSource({
            "0,              false, false",
            "42,             true,  true",
            "-7,             true,  false",
            "9223372036854775807, false, true",
    })
    void sameSeedSamePaper(long seed, boolean shuffleQuestions, boolean shuffleOptions) {
        List<PaperItem> first = PaperDraw.draw(seed, POOLS, OPTION_COUNTS, shuffleQuestions, shuffleOptions);
        List<PaperItem> second = PaperDraw.draw(seed, List.copyOf(POOLS), new HashMap<>(OPTION_COUNTS),
                shuffleQuestions, shuffleOptions);
        assertEquals(first, second);
    }

    @ParameterizedTest(name = "[{index}] shuffleQuestions={0}, shuffleOptions={1}")
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void differentSeedsGiveDifferentPapers(boolean shuffleQuestions, boolean shuffleOptions) {
        Set<List<PaperItem>> papers = new HashSet<>();
        for (long seed = 1; seed <= 5; seed++) {
            papers.add(PaperDraw.draw(seed, POOLS, OPTION_COUNTS, shuffleQuestions, shuffleOptions));
        }
        assertTrue(papers.size() > 1, "five seeds all drew the same paper");
    }

    @ParameterizedTest(name = "[{index}] seed {0}, shuffleQuestions={1}, shuffleOptions={2}")
    @CsvSource({"1, false, false", "2, true, true", "3, true, false", "4, false, true"})
    void honoursCountsWithoutDuplicatesAndValidPermutations(long seed, boolean shuffleQuestions,
            boolean shuffleOptions) {
        List<PaperItem> paper = PaperDraw.draw(seed, POOLS, OPTION_COUNTS, shuffleQuestions, shuffleOptions);
        List<String> ids = ids(paper);
        assertEquals(9, ids.size());
        assertEquals(9, new HashSet<>(ids).size(), "duplicate question in " + ids);
        assertEquals(3, ids.stream().filter(id -> id.startsWith("a")).count());
        assertEquals(4, ids.stream().filter(id -> id.startsWith("b")).count());
        assertEquals(2, ids.stream().filter(id -> id.startsWith("c")).count());
        for (PaperItem item : paper) {
            int n = OPTION_COUNTS.get(item.questionId());
            List<Integer> sorted = item.optionOrder().stream().sorted().toList();
            assertEquals(IntStream.rangeClosed(1, n).boxed().toList(), sorted, item.toString());
        }
    }

    @ParameterizedTest(name = "[{index}] seed {0}")
    @CsvSource({"1", "2", "3", "99"})
    void withoutShufflingKeepsPoolOrderAndNaturalOptionOrder(long seed) {
        List<PaperItem> paper = PaperDraw.draw(seed, POOLS, OPTION_COUNTS, false, false);
        List<String> ids = ids(paper);
        // Pool order, then each pool's own order: ids are sorted because the pools list them sorted.
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(List.of("a", "a", "a", "b", "b", "b", "b", "c", "c"),
                ids.stream().map(id -> id.substring(0, 1)).toList());
        for (PaperItem item : paper) {
            int n = OPTION_COUNTS.get(item.questionId());
            assertEquals(IntStream.rangeClosed(1, n).boxed().toList(), item.optionOrder());
        }
    }

    @Test
    void shufflingOptionsDoesNotChangeWhichQuestionsAreDrawn() {
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(ids(PaperDraw.draw(seed, POOLS, OPTION_COUNTS, false, false)),
                    ids(PaperDraw.draw(seed, POOLS, OPTION_COUNTS, false, true)));
        }
    }

    @Test
    void shufflingQuestionsMixesPools() {
        boolean mixed = false;
        for (long seed = 0; seed < 20 && !mixed; seed++) {
            List<String> ids = ids(PaperDraw.draw(seed, POOLS, OPTION_COUNTS, true, false));
            mixed = !ids.equals(ids.stream().sorted().toList());
        }
        assertTrue(mixed, "20 shuffled papers all kept pool order");
    }

    @Test
    void questionTakenByAnEarlierPoolIsSkipped() {
        Pool first = new Pool(List.of("q1", "q2", "q3"), 2);
        Pool overlapping = new Pool(List.of("q1", "q2", "q3", "q4"), 2);
        Map<String, Integer> counts = Map.of("q1", 2, "q2", 2, "q3", 2, "q4", 2);
        for (long seed = 0; seed < 50; seed++) {
            List<String> ids = ids(PaperDraw.draw(seed, List.of(first, overlapping), counts, false, false));
            assertEquals(4, new HashSet<>(ids).size(), "seed " + seed + ": " + ids);
        }
    }

    static Stream<Arguments> poolsThatCannotSupply() {
        Map<String, Integer> counts = Map.of("q1", 2, "q2", 2, "q3", 2, "q4", 2);
        return Stream.of(
                Arguments.of(List.of(new Pool(List.of("q1", "q2", "q3"), 2), new Pool(List.of("q1", "q2", "q3"), 2)),
                        counts, "pool 1"),
                Arguments.of(List.of(new Pool(List.of("q1"), 1), new Pool(List.of("q2"), 1),
                        new Pool(List.of("q1", "q2", "q3"), 2)), counts, "pool 2"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("poolsThatCannotSupply")
    void poolTooSmallAfterSkippingIsNamed(List<Pool> pools, Map<String, Integer> counts, String poolName) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PaperDraw.draw(7, pools, counts, false, false));
        assertTrue(e.getMessage().startsWith(poolName + " "), e.getMessage());
    }

    static Stream<Arguments> invalidPools() {
        return Stream.of(
                Arguments.of("empty", List.of(), 1),
                Arguments.of("duplicate id", List.of("q1", "q2", "q1"), 1),
                Arguments.of("count zero", List.of("q1", "q2"), 0),
                Arguments.of("count above size", List.of("q1", "q2"), 3));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidPools")
    void rejectsInvalidPools(String description, List<String> ids, int count) {
        assertThrows(IllegalArgumentException.class, () -> new Pool(ids, count));
    }

    @ParameterizedTest(name = "[{index}] option count {0}")
    @CsvSource({"1", "0"})
    void rejectsQuestionsWithTooFewOptions(int optionCount) {
        List<Pool> pools = List.of(new Pool(List.of("q1"), 1));
        assertThrows(IllegalArgumentException.class,
                () -> PaperDraw.draw(1, pools, Map.of("q1", optionCount), false, false));
    }

    @Test
    void rejectsMissingOptionCount() {
        List<Pool> pools = List.of(new Pool(List.of("q1"), 1));
        assertThrows(IllegalArgumentException.class, () -> PaperDraw.draw(1, pools, Map.of(), false, false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"1 1 2", "0 1", "1 3", "''"})
    void rejectsOptionOrderThatIsNotAPermutation(String order) {
        List<Integer> optionOrder = order.isBlank() ? List.of()
                : Stream.of(order.split(" ")).map(Integer::valueOf).toList();
        assertThrows(IllegalArgumentException.class, () -> new PaperItem("q1", optionOrder));
    }

    @Test
    void drawsEachQuestionUniformly() {
        Pool ten = new Pool(IntStream.rangeClosed(1, 10).mapToObj(i -> "q" + i).toList(), 3);
        Map<String, Integer> counts = ten.questionIds().stream().collect(Collectors.toMap(id -> id, id -> 4));
        Map<String, Integer> drawn = new HashMap<>();
        for (long seed = 0; seed < 10_000; seed++) {
            for (PaperItem item : PaperDraw.draw(seed, List.of(ten), counts, true, true)) {
                drawn.merge(item.questionId(), 1, Integer::sum);
            }
        }
        assertEquals(10, drawn.size());
        // Expected 3,000 each; the standard deviation is about 46, so this band is very wide.
        drawn.forEach((id, times) -> assertTrue(times >= 2_500 && times <= 3_500, id + " drawn " + times + " times"));
    }

    @Test
    void shuffledOptionsVaryAcrossSeeds() {
        List<Pool> pools = List.of(new Pool(List.of("q1"), 1));
        Set<List<Integer>> orders = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            orders.add(PaperDraw.draw(seed, pools, Map.of("q1", 4), false, true).get(0).optionOrder());
        }
        assertEquals(24, orders.size(), "all 4! option orders should occur");
    }
}
