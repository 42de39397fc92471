package org.examcert.contest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradingBandTest {

    @ParameterizedTest(name = "[{index}] {0} / {1} / {2} / {3} valid={4}")
    @CsvSource({
            "KHA,        Khá,  Good, 19,   true",
            "XUAT_SAC,   Xuất sắc, Excellent, 30, true",
            "A,          a,    a,    0,    true",
            "kha,        Khá,  Good, 19,   false",
            "_KHA,       Khá,  Good, 19,   false",
            "KHA1,       Khá,  Good, 19,   false",
            "'',         Khá,  Good, 19,   false",
            "KHA,        ' ',  Good, 19,   false",
            "KHA,        Khá,  '',   19,   false",
            "KHA,        Khá,  Good, -0.01, false",
    })
    void validates(String key, String labelVi, String labelEn, BigDecimal minScore, boolean valid) {
        if (valid) {
            assertDoesNotThrow(() -> new GradingBand(key, labelVi, labelEn, minScore));
        } else {
            assertThrows(IllegalArgumentException.class, () -> new GradingBand(key, labelVi, labelEn, minScore));
        }
    }
}
