package org.examcert.candidate;

import org.examcert.platform.text.DrawableText;
import org.examcert.platform.problem.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegistrationFormTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-26");

    @ParameterizedTest(name = "[{index}] born {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2004-05-01         | ok",
            "2026-03-27         | candidate.birth-date-future",
            "2999-01-01         | candidate.birth-date-future",
            "+999999999-12-31   | candidate.birth-date-future",
            "+1000000000-01-01  | candidate.birth-date-invalid",
            "1899-12-31         | candidate.birth-date-too-early",
            "1900-01-01         | candidate.too-old",
            "2026-03-26         | candidate.too-young",
            "26/03/2004         | candidate.birth-date-invalid",
    })
    void checksTheBirthDateIsARealOne(String birthDate, String expected) {
        RegistrationForm form = new RegistrationForm("Nguyễn Văn An", birthDate, "an@example.vn", "0912345678",
                "Đoàn trường", "SINH_VIEN", "mat-khau-123");
        try {
            form.validate(TODAY, EligibilityRule.youthUnion(), new DrawableText(codePoint -> true));
            assertEquals("ok", expected);
        } catch (Problem p) {
            assertEquals(1, p.fieldErrors().size(), p.fieldErrors().toString());
            assertEquals("birthDate", p.fieldErrors().get(0).field());
            assertEquals(expected, p.fieldErrors().get(0).code());
        }
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Ksor H\u2019Bơ Khắp  | Ksor H'Bơ Khắp",
            "Ksor H'Bơ Khắp        | Ksor H'Bơ Khắp",
            "Y \u2018Moan Niê      | Y 'Moan Niê",
            "Rơ Mah H\u02BCLan     | Rơ Mah H'Lan",
    })
    void storesEveryApostropheAPhoneTypesAsOne(String typed, String stored) {
        RegistrationForm form = new RegistrationForm(typed, "2004-03-26", "an@example.vn", "0912345678",
                "Đoàn trường", "SINH_VIEN", "mat-khau-123");
        assertEquals(stored, form.validate(TODAY, EligibilityRule.youthUnion(), new DrawableText(codePoint -> true)).fullName());
    }
}
