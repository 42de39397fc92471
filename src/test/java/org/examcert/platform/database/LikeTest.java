package org.examcert.platform.database;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LikeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "thành lập|%thành lập%",
            "  Điều lệ  |%Điều lệ%",
            "100%|%100\\%%",
            "a_b|%a\\_b%",
            "c:\\x|%c:\\\\x%",
    })
    void typedWildcardsAreLiteral(String typed, String pattern) {
        assertEquals(pattern, Like.containing(typed));
    }
}
