package org.examcert.platform.text;

import org.examcert.platform.problem.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DrawableTextTest {

    /** A font with Latin, Vietnamese and general punctuation, but no CJK, full-width forms or emoji. */
    private static final DrawableText FONT = new DrawableText(c -> c < 0x2E00);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "Nguyễn Thị Ánh Tuyết|NONE|NONE|Nguyễn Thị Ánh Tuyết",
            "Đoàn trường – Khoa Kỹ thuật|NONE|NONE|Đoàn trường – Khoa Kỹ thuật",
            "Vương 王 Minh|text.not-printable|王,U+738B|Vương ? Minh",
            "A＝B|text.not-printable|＝,U+FF1D|A?B",
            "Lan 😀|text.not-printable|😀,U+1F600|Lan ?",
            "Cuộc thi\\r2026|text.control-character|U+000D|Cuộc thi 2026",
            "a\\tb|text.control-character|U+0009|a b",
            "x\\u0085y|text.control-character|U+0085|x y",
            "\\u202Eabc|text.control-character|U+202E|abc",
            "\\u2067abc|text.control-character|U+2067|abc",
            "\\u200Fabc|text.control-character|U+200F|abc",
    })
    void refusesWhatCannotBePrintedAndPrintsAStandIn(String typed, String code, String args, String printed) {
        String text = unescape(typed);
        var error = FONT.check("fullName", text);
        assertEquals(code, error.map(Problem.FieldError::code).orElse(null));
        if (code != null) {
            assertEquals("fullName", error.get().field());
            assertEquals(List.of(args.split(",")), error.get().args());
        }
        assertEquals(printed, FONT.printable(text));
    }

    private static String unescape(String csv) {
        return csv.replace("\\r", "\r").replace("\\t", "\t").replace("\\u0085", "\u0085")
                .replace("\\u202E", "\u202E").replace("\\u2067", "\u2067").replace("\\u200F", "\u200F");
    }
}
