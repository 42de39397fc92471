package org.examcert.candidate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class UnitKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Đoàn Thanh niên Sở Y tế|  đoàn   thanh niên SỞ Y TẾ ",
            "Đoàn trường Đại học Trà Vinh|ĐOÀN TRƯỜNG ĐẠI HỌC TRÀ VINH",
    })
    void sameUnitHowEverItIsTyped(String registered, String typed) {
        assertEquals(UnitKey.of(registered), UnitKey.of(typed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Đoàn Thanh niên Sở Y tế|Doan Thanh nien So Y te",
            "Đoàn xã Long Hòa|Đoàn xã Long Hoà Tây",
    })
    void differentUnitsStayApart(String a, String b) {
        assertNotEquals(UnitKey.of(a), UnitKey.of(b));
    }

    @org.junit.jupiter.api.Test
    void decomposedDiacriticsMatchComposedOnes() {
        String decomposed = Normalizer.normalize("Đoàn Khối Doanh nghiệp", Normalizer.Form.NFD);
        assertEquals(UnitKey.of("Đoàn Khối Doanh nghiệp"), UnitKey.of(decomposed));
    }
}
