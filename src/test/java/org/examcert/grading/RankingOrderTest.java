package org.examcert.grading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankingOrderTest {

    private static final Instant T0 = Instant.parse("2026-03-20T08:00:00Z");

    private static RankingOrder.Entry entry(long id, int score, int seconds, int submittedMinute, Integer prediction) {
        return new RankingOrder.Entry(id, BigDecimal.valueOf(score), Duration.ofSeconds(seconds),
                T0.plusSeconds(60L * submittedMinute), prediction);
    }

    /** Two candidates a and b: who ranks first, and their ranks. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // case                              |sa|da |ma|pa |sb|db |mb|pb |truth|first|rank a|rank b
            "higher score wins                   |29|900|5 |-  |28|300|1 |-  |-    |1|1|2",
            "same score: shorter duration wins   |28|600|5 |-  |28|599|9 |-  |-    |2|2|1",
            "same duration: earlier submit wins  |28|600|5 |-  |28|600|4 |-  |-    |2|2|1",
            "all equal, no question: shared rank |28|600|5 |-  |28|600|5 |-  |-    |1|1|1",
            "prediction closer to truth wins     |28|600|5 |120|28|600|5 |95 |100  |2|2|1",
            "over and under by the same: tie     |28|600|5 |105|28|600|5 |95 |100  |1|1|1",
            "no prediction loses to any          |28|600|5 |-  |28|600|5 |9999|100 |2|2|1",
            "prediction ignored without question |28|600|5 |100|28|600|5 |1  |-    |1|1|1",
            "score beats a perfect prediction    |27|100|1 |100|28|900|9 |0  |100  |2|2|1",
    })
    void tieBreaks(String name, int sa, int da, int ma, Integer pa, int sb, int db, int mb, Integer pb, Integer truth,
                   long first, int rankA, int rankB) {
        List<RankingOrder.Ranked> ranked = RankingOrder.rank(List.of(entry(1, sa, da, ma, pa), entry(2, sb, db, mb, pb)), truth);
        assertEquals(first, ranked.get(0).entry().candidateId());
        assertEquals(rankA, ranked.stream().filter(r -> r.entry().candidateId() == 1).findFirst().orElseThrow().rank());
        assertEquals(rankB, ranked.stream().filter(r -> r.entry().candidateId() == 2).findFirst().orElseThrow().rank());
    }

    @Test
    void ranksSkipAfterATie() {
        List<RankingOrder.Ranked> ranked = RankingOrder.rank(List.of(
                entry(1, 30, 500, 1, null), entry(2, 28, 600, 5, null), entry(3, 28, 600, 5, null), entry(4, 20, 100, 1, null)), null);
        assertEquals(List.of(1, 2, 2, 4), ranked.stream().map(RankingOrder.Ranked::rank).toList());
    }
}
