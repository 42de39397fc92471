package org.examcert.grading;

import org.examcert.grading.ItemAnalysis.Answer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ItemAnalysisTest {

    private static ItemAnalysis.Attempt attempt(int score, Answer q1, Answer q2) {
        return new ItemAnalysis.Attempt(BigDecimal.valueOf(score), Map.of(1L, q1, 2L, q2));
    }

    @Test
    void shareCorrectCountsBlanksAsNotCorrect() {
        List<ItemAnalysis.ItemStatistics> stats = ItemAnalysis.analyse(List.of(
                attempt(2, Answer.CORRECT, Answer.CORRECT), attempt(1, Answer.BLANK, Answer.CORRECT),
                attempt(0, Answer.WRONG, Answer.WRONG), attempt(1, Answer.CORRECT, Answer.WRONG)));
        ItemAnalysis.ItemStatistics q1 = stats.stream().filter(s -> s.questionId() == 1).findFirst().orElseThrow();
        assertEquals(4, q1.shown());
        assertEquals(3, q1.answered());
        assertEquals(2, q1.correct());
        assertEquals(0.5, q1.shareCorrect(), 1e-9);
        assertNull(q1.discrimination(), "under 10 attempts there is no discrimination");
    }

    /**
     * 10 attempts, groups of 3 (27 %): question 1 is answered right by exactly the strongest, so it
     * discriminates fully (1.0); question 2 is answered right by exactly the weakest (-1.0, a bad key).
     */
    @Test
    void discriminationComparesTopAndBottomGroups() {
        List<ItemAnalysis.Attempt> attempts = new ArrayList<>();
        for (int score = 0; score < 10; score++) {
            Answer strong = score >= 7 ? Answer.CORRECT : Answer.WRONG;
            Answer weak = score <= 2 ? Answer.CORRECT : Answer.WRONG;
            attempts.add(attempt(score, strong, weak));
        }
        List<ItemAnalysis.ItemStatistics> stats = ItemAnalysis.analyse(attempts);
        assertEquals(1.0, stats.stream().filter(s -> s.questionId() == 1).findFirst().orElseThrow().discrimination(), 1e-9);
        assertEquals(-1.0, stats.stream().filter(s -> s.questionId() == 2).findFirst().orElseThrow().discrimination(), 1e-9);
    }

    @Test
    void aQuestionMissingFromAGroupHasNoDiscrimination() {
        List<ItemAnalysis.Attempt> attempts = new ArrayList<>();
        for (int score = 0; score < 10; score++) {
            Map<Long, Answer> answers = score >= 5 ? Map.of(1L, Answer.CORRECT, 3L, Answer.CORRECT) : Map.of(1L, Answer.WRONG);
            attempts.add(new ItemAnalysis.Attempt(BigDecimal.valueOf(score), answers));
        }
        ItemAnalysis.ItemStatistics q3 = ItemAnalysis.analyse(attempts).stream().filter(s -> s.questionId() == 3).findFirst().orElseThrow();
        assertNull(q3.discrimination());
        assertEquals(1.0, q3.shareCorrect(), 1e-9);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} attempts → groups of {1}")
    @org.junit.jupiter.params.provider.CsvSource({"0,0", "9,0", "10,3", "11,3", "100,27", "20000,5400"})
    void groupsAreTwentySevenPercentFromTenAttempts(int attempts, int groupSize) {
        assertEquals(groupSize, ItemAnalysis.groupSize(attempts));
    }

    @Test
    void talliesFromTheDatabaseGiveTheSameStatistics() {
        ItemAnalysis.ItemStatistics fromTally = ItemAnalysis.statistics(List.of(new ItemAnalysis.Tally(7, 10, 9, 6, 3, 0, 3, 3))).get(0);
        assertEquals(0.6, fromTally.shareCorrect(), 1e-9);
        assertEquals(1.0, fromTally.discrimination(), 1e-9);
        assertNull(ItemAnalysis.statistics(List.of(new ItemAnalysis.Tally(7, 5, 5, 5, 0, 0, 0, 0))).get(0).discrimination());
    }

    @Test
    void anInconsistentTallyIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ItemAnalysis.Tally(1, 3, 4, 1, 0, 0, 0, 0));
    }
}
