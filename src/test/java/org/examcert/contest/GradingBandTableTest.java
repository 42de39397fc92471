package org.examcert.contest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GradingBandTableTest {

    private final GradingBandTable standard = GradingBandTable.standard();

    @ParameterizedTest(name = "[{index}] {0} / {1} -> {2}")
    @CsvSource({
            "0,     30, KHONG_DAT",
            "14,    30, KHONG_DAT",
            "14.5,  30, KHONG_DAT",
            "15,    30, TRUNG_BINH",
            "18,    30, TRUNG_BINH",
            "18.99, 30, TRUNG_BINH",
            "19,    30, KHA",
            "24,    30, KHA",
            "25,    30, GIOI",
            "29,    30, GIOI",
            "29.999, 30, GIOI",
            "30,    30, XUAT_SAC",
            "30.00, 30, XUAT_SAC",
            // a maximum of 10 scales the thresholds to 5, 6.333..., 8.333..., 10
            "4.99,  10, KHONG_DAT",
            "5,     10, TRUNG_BINH",
            "6.33,  10, TRUNG_BINH",
            "6.34,  10, KHA",
            "8.33,  10, KHA",
            "8.34,  10, GIOI",
            "9.99,  10, GIOI",
            "10,    10, XUAT_SAC",
            // a maximum of 40 scales them to 20, 25.333..., 33.333..., 40
            "19.99, 40, KHONG_DAT",
            "20,    40, TRUNG_BINH",
            "25.33, 40, TRUNG_BINH",
            "25.34, 40, KHA",
            "33.34, 40, GIOI",
            "39,    40, GIOI",
            "40,    40, XUAT_SAC",
    })
    void placesScoreInBand(BigDecimal score, BigDecimal max, String expectedKey) {
        assertEquals(expectedKey, standard.bandFor(score, max).key());
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} rejected")
    @CsvSource({
            "-0.01, 30",
            "30.01, 30",
            "5,     0",
            "0,     -10",
    })
    void rejectsScoresOutOfRange(BigDecimal score, BigDecimal max) {
        assertThrows(IllegalArgumentException.class, () -> standard.bandFor(score, max));
    }

    @ParameterizedTest(name = "[{index}] {0} reaches {1}: {2}")
    @CsvSource({
            "KHA,       KHA,        true",
            "GIOI,      KHA,        true",
            "XUAT_SAC,  KHONG_DAT,  true",
            "TRUNG_BINH, KHA,       false",
            "KHONG_DAT, TRUNG_BINH, false",
    })
    void reaches(String band, String minimum, boolean expected) {
        assertEquals(expected, standard.reaches(band, minimum));
    }

    @ParameterizedTest(name = "[{index}] rank of {0} = {1}")
    @CsvSource({"KHONG_DAT, 0", "TRUNG_BINH, 1", "KHA, 2", "GIOI, 3", "XUAT_SAC, 4"})
    void ranksFromLowest(String key, int rank) {
        assertEquals(rank, standard.rank(key));
        assertEquals(key, standard.band(key).key());
        assertEquals(key, standard.bands().get(rank).key());
    }

    @ParameterizedTest
    @CsvSource({"UNKNOWN", "kha"})
    void unknownKeysAreRejected(String key) {
        assertThrows(IllegalArgumentException.class, () -> standard.rank(key));
        assertThrows(IllegalArgumentException.class, () -> standard.band(key));
        assertThrows(IllegalArgumentException.class, () -> standard.reaches(key, "KHA"));
    }

    @Test
    void standardTableHasVietnameseAndEnglishLabelsOutOf30() {
        assertEquals(0, BigDecimal.valueOf(30).compareTo(standard.referenceMax()));
        assertEquals("Xuất sắc", standard.band("XUAT_SAC").labelVi());
        assertEquals("Very good", standard.band("GIOI").labelEn());
        assertThrows(UnsupportedOperationException.class, () -> standard.bands().clear());
    }

    @Test
    void customReferenceMaxScales() {
        GradingBandTable passFail = new GradingBandTable(BigDecimal.valueOf(100),
                List.of(band("FAIL", 0), band("PASS", 50)));
        assertEquals("PASS", passFail.bandFor(new BigDecimal("5"), BigDecimal.TEN).key());
        assertEquals("FAIL", passFail.bandFor(new BigDecimal("4.999"), BigDecimal.TEN).key());
    }

    static Stream<Arguments> invalidTables() {
        return Stream.of(
                Arguments.of("one band", BigDecimal.TEN, List.of(band("A", 0))),
                Arguments.of("no bands", BigDecimal.TEN, List.of()),
                Arguments.of("first band not at 0", BigDecimal.TEN, List.of(band("A", 1), band("B", 5))),
                Arguments.of("equal minimums", BigDecimal.TEN, List.of(band("A", 0), band("B", 5), band("C", 5))),
                Arguments.of("decreasing minimums", BigDecimal.TEN, List.of(band("A", 0), band("B", 6), band("C", 5))),
                Arguments.of("last above reference max", BigDecimal.TEN, List.of(band("A", 0), band("B", 11))),
                Arguments.of("duplicate keys", BigDecimal.TEN, List.of(band("A", 0), band("B", 5), band("A", 8))),
                Arguments.of("zero reference max", BigDecimal.ZERO, List.of(band("A", 0), band("B", 5))),
                Arguments.of("negative reference max", BigDecimal.ONE.negate(), List.of(band("A", 0), band("B", 5))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidTables")
    void rejectsInvalidTables(String description, BigDecimal referenceMax, List<GradingBand> bands) {
        assertThrows(IllegalArgumentException.class, () -> new GradingBandTable(referenceMax, bands));
    }

    @Test
    void lastBandMayEqualReferenceMax() {
        GradingBandTable table = new GradingBandTable(BigDecimal.TEN, List.of(band("A", 0), band("B", 10)));
        assertEquals("B", table.bandFor(BigDecimal.TEN, BigDecimal.TEN).key());
    }

    private static GradingBand band(String key, int min) {
        return new GradingBand(key, key, key, BigDecimal.valueOf(min));
    }
}
