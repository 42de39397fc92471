package org.examcert.questionbank.format;

import org.examcert.platform.files.ImportError;

import org.examcert.questionbank.BankFile;
import org.examcert.questionbank.Difficulty;
import org.examcert.questionbank.ImportText;

import static org.examcert.testing.ImportErrors.assertRejected;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.examcert.platform.problem.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GiftFormatTest {

    private static final Path GOOD = Path.of("src/test/resources/imports/good.gift");
    private static final Path BROKEN = Path.of("src/test/resources/imports/broken.gift");

    private static BankFile parse(String text) {
        return GiftFormat.parse("mau", "Ngân hàng mẫu", "Chung", Difficulty.MEDIUM, text);
    }

    private static BankFile good() throws IOException {
        return parse(Files.readString(GOOD));
    }

    static Stream<Arguments> goodQuestions() {
        return Stream.of(
                Arguments.of(0, "ngay-thanh-lap-doan", "Lịch sử Đoàn",
                        "Đoàn Thanh niên Cộng sản Hồ Chí Minh được thành lập ngày nào?",
                        List.of("19/5/1890", "3/2/1930", "26/3/1931", "2/9/1945"), 3,
                        // the correct answer's feedback, then the general feedback
                        "Chính xác!\nNgày 26/3/1931 được lấy làm ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh.", 4),
                Arguments.of(1, ImportText.stemId(
                                "Chủ tịch Hồ Chí Minh sinh năm ___ tại xã Kim Liên, huyện Nam Đàn, tỉnh Nghệ An."),
                        "Lịch sử Đoàn",
                        "Chủ tịch Hồ Chí Minh sinh năm ___ tại xã Kim Liên, huyện Nam Đàn, tỉnh Nghệ An.",
                        List.of("1890", "1911", "1930"), 1, null, 12),
                Arguments.of(2, "dung-sai-1", "Lịch sử Đoàn",
                        "Đoàn Thanh niên Cộng sản Hồ Chí Minh mang tên Bác từ năm 1976.",
                        List.of("Đúng", "Sai"), 1, null, 15),
                Arguments.of(3, ImportText.stemId(
                                "Thanh niên Việt Nam từ bao nhiêu tuổi được xét kết nạp vào Đoàn?"), "Điều lệ Đoàn",
                        "Thanh niên Việt Nam từ bao nhiêu tuổi được xét kết nạp vào Đoàn?",
                        List.of("Từ đủ 16 tuổi đến 30 tuổi", "Từ đủ 14 tuổi đến 28 tuổi", "Từ đủ 18 tuổi đến 35 tuổi"),
                        1, null, 19),
                Arguments.of(4, ImportText.stemId("Ngày thành lập Đoàn là ngày {19/5}: đúng hay sai?\nHãy chọn một đáp án."),
                        "Điều lệ Đoàn", "Ngày thành lập Đoàn là ngày {19/5}: đúng hay sai?\nHãy chọn một đáp án.",
                        List.of("Đúng", "Sai"), 2,
                        "Đoàn được thành lập ngày 26/3/1931; ngày 19/5 là ngày sinh của Chủ tịch Hồ Chí Minh.", 21));
    }

    @ParameterizedTest
    @MethodSource("goodQuestions")
    void readsTheGoodSample(int index, String id, String topic, String stem, List<String> options, int correct,
            String explanation, int line) throws IOException {
        BankFile bank = good();
        assertEquals(5, bank.questions().size());
        BankFile.Question q = bank.questions().get(index);
        assertAll(
                () -> assertEquals(id, q.id()),
                () -> assertEquals(topic, q.topic()),
                () -> assertEquals(Difficulty.MEDIUM, q.difficulty()),
                () -> assertEquals(stem, q.stem()),
                () -> assertEquals(options, q.options()),
                () -> assertEquals(correct, q.correctOption()),
                () -> assertEquals(explanation, q.explanation()),
                () -> assertNull(q.source()),
                () -> assertEquals(line, q.line()));
    }

    @Test
    void theStudyQuizSampleExplainsEveryQuestion() throws IOException {
        BankFile bank = parse(Files.readString(Path.of("src/test/resources/imports/study-quiz.gift")));
        assertEquals(List.of("nq-dai-hoi-13", "nq-luat-thanh-nien", "nq-hoi-lhtn", "nq-mat-tran"),
                bank.questions().stream().map(BankFile.Question::id).toList());
        assertEquals(List.of(
                        "Đại hội XIII họp từ ngày 25/01 đến ngày 01/02/2021 tại Hà Nội.",
                        "Điều 1 Luật Thanh niên 2020: thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi.\n"
                                + "Xem Luật Thanh niên số 57/2020/QH14.",
                        "Ngày 15/10/1956 là ngày truyền thống của Hội Liên hiệp Thanh niên Việt Nam.",
                        "Đúng vậy: Đoàn là tổ chức thành viên của Mặt trận Tổ quốc Việt Nam."),
                bank.questions().stream().map(BankFile.Question::explanation).toList());
        assertTrue(bank.questions().stream().allMatch(q -> q.topic().equals("Học tập Nghị quyết")));
    }

    @Test
    void bankHeaderComesFromTheCaller() throws IOException {
        BankFile bank = good();
        assertAll(
                () -> assertEquals("mau", bank.code()),
                () -> assertEquals("Ngân hàng mẫu", bank.title()),
                () -> assertNull(bank.description()));
    }

    @Test
    void decomposedVietnameseIsStoredAsNfc() {
        String nfd = Normalizer.normalize("::Câu hỏi::Đoàn viên là ai? {=Thanh niên ưu tú ~Thiếu nhi}",
                Normalizer.Form.NFD);
        BankFile.Question q = parse(nfd).questions().get(0);
        assertAll(
                () -> assertEquals("cau-hoi", q.id()),
                () -> assertEquals("Đoàn viên là ai?", q.stem()),
                () -> assertEquals(List.of("Thanh niên ưu tú", "Thiếu nhi"), q.options()));
    }

    static Stream<Arguments> parsedQuestions() {
        return Stream.of(
                // options on one line, BOM and Windows line ends
                Arguments.of("\uFEFFHỏi? {~a ~b =c}\r\n", "Hỏi?", List.of("a", "b", "c"), 3, "Chung"),
                // a category with no blank line before the question, a one-part path
                Arguments.of("$CATEGORY: Thanh niên\nHỏi? {=a ~b}", "Hỏi?", List.of("a", "b"), 1, "Thanh niên"),
                Arguments.of("Hỏi? {TRUE}", "Hỏi?", List.of("Đúng", "Sai"), 1, "Chung"),
                Arguments.of("Hỏi? {f#Sai rồi#Đúng}", "Hỏi?", List.of("Đúng", "Sai"), 2, "Chung"),
                Arguments.of("[markdown]Hỏi? {=a#phản hồi ~b#phản hồi}", "Hỏi?", List.of("a", "b"), 1, "Chung"),
                Arguments.of("Hỏi \\= \\~ \\# \\: \\\\ ? {=a \\= b ~c \\{d\\}}", "Hỏi = ~ # : \\ ?",
                        List.of("a = b", "c {d}"), 1, "Chung"),
                Arguments.of("Dòng một\ndòng hai {=a\n~b\n}", "Dòng một dòng hai", List.of("a", "b"), 1, "Chung"),
                Arguments.of("Hỏi {=a ~b ~c ~d ~e ~f}", "Hỏi", List.of("a", "b", "c", "d", "e", "f"), 1, "Chung"),
                Arguments.of("[html]A &amp; B<br>C? {=<i>x</i> ~y}", "A & B\nC?", List.of("x", "y"), 1, "Chung"),
                Arguments.of("Năm {=1931 ~1930}, Đoàn ra đời", "Năm ___, Đoàn ra đời", List.of("1931", "1930"), 1,
                        "Chung"));
    }

    @ParameterizedTest
    @MethodSource("parsedQuestions")
    void readsEachSupportedForm(String text, String stem, List<String> options, int correct, String topic) {
        BankFile.Question q = parse(text).questions().get(0);
        assertAll(
                () -> assertEquals(stem, q.stem()),
                () -> assertEquals(options, q.options()),
                () -> assertEquals(correct, q.correctOption()),
                () -> assertEquals(topic, q.topic()),
                () -> assertEquals(ImportText.stemId(stem), q.id()));
    }

    static Stream<Arguments> feedbackKept() {
        return Stream.of(
                Arguments.of("Hỏi {=a#Vì a đúng ~b#Không phải b}", "Vì a đúng"),
                Arguments.of("Hỏi {~b#Không phải b =a#Vì a đúng ~c}", "Vì a đúng"),
                Arguments.of("Hỏi {=a#Vì a đúng ~b ####Xem Điều lệ Đoàn.}", "Vì a đúng\nXem Điều lệ Đoàn."),
                Arguments.of("Hỏi {=a ~b#Không phải b ####Xem Điều lệ Đoàn.}", "Xem Điều lệ Đoàn."),
                Arguments.of("Hỏi {=a#Xem Điều lệ Đoàn. ~b ####Xem Điều lệ Đoàn.}", "Xem Điều lệ Đoàn."),
                Arguments.of("Hỏi {=a ~b}", null),
                Arguments.of("Hỏi {=a# ~b ####  }", null),
                // true/false: the first feedback answers a wrong choice, the second the right one
                Arguments.of("Hỏi {T#Sai rồi#Đúng, vì thế}", "Đúng, vì thế"),
                Arguments.of("Hỏi {FALSE#Sai rồi}", null),
                Arguments.of("Hỏi {F#Sai rồi#Đúng vậy####Chung}", "Đúng vậy\nChung"),
                // escapes hold in feedback too
                Arguments.of("Hỏi {=a#Vì 1 \\= 1, \\~ \\# \\{x\\} \\: ~b}", "Vì 1 = 1, ~ # {x} :"),
                Arguments.of("Hỏi {=a#Dòng một\\nDòng hai ~b}", "Dòng một\nDòng hai"),
                Arguments.of("[html]Hỏi {=a#<b>Vì</b> a &amp; b ~b}", "Vì a & b"),
                Arguments.of("Hỏi {\n=a#Vì a\ntrải hai dòng\n~b\n}", "Vì a trải hai dòng"));
    }

    @ParameterizedTest
    @MethodSource("feedbackKept")
    void theCorrectAnswersAndTheGeneralFeedbackBecomeTheExplanation(String text, String explanation) {
        assertEquals(explanation, parse(text).questions().get(0).explanation());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "a = b|a \\= b",
            "~x~|\\~x\\~",
            "số #1|số \\#1",
            "{x}|\\{x\\}",
            "Giờ 7:30|Giờ 7\\:30",
            "C:\\tệp|C\\:\\\\tệp",
            "không đổi, 50% / 100%|không đổi, 50% / 100%"})
    void escapesEverySpecialCharacter(String text, String escaped) {
        assertEquals(escaped, GiftFormat.escape(text));
        assertEquals(text, GiftFormat.restore(GiftFormat.protect(escaped)));
    }

    static Stream<Arguments> writtenTexts() {
        return Stream.of(
                Arguments.of("Lịch sử Đoàn", "Hỏi = ~ # { } : \\ ?", List.of("a = b", "c {d}"), 1, "Giải thích: 1 = 1 # ~"),
                Arguments.of("Lịch sử/Đoàn", "Dòng một\nDòng hai", List.of("x", "y", "z"), 3, "Dòng một\nDòng hai"),
                Arguments.of("Chung", "[html]<b>không phải HTML</b>", List.of("<i>a</i>", "b"), 2, null),
                Arguments.of("Chung", "Tỉ lệ 50% // không phải chú thích", List.of("Đúng", "Sai"), 2, "Vì 50%"),
                Arguments.of("Chung", "Đúng hay sai?", List.of("Đúng", "Sai"), 1, null),
                Arguments.of("Chung", "Đường dẫn C:\\thư-mục\\ ?", List.of("1", "2", "3", "4", "5", "6"), 6, "\\n không phải xuống dòng"));
    }

    @ParameterizedTest
    @MethodSource("writtenTexts")
    void whatIsWrittenReadsBackTheSame(String topic, String stem, List<String> options, int correct, String explanation) {
        BankFile.Question question = new BankFile.Question("cau-hoi-1", topic, Difficulty.MEDIUM, stem, options, correct,
                explanation, null, 1);
        BankFile.Question back = parse(GiftFormat.write(new BankFile("mau", "Ngân hàng mẫu", null, List.of(question))))
                .questions().get(0);
        assertAll(
                () -> assertEquals("cau-hoi-1", back.id()),
                () -> assertEquals(topic, back.topic()),
                () -> assertEquals(stem, back.stem()),
                () -> assertEquals(options, back.options()),
                () -> assertEquals(correct, back.correctOption()),
                () -> assertEquals(explanation, back.explanation()));
    }

    @Test
    void theGoodSampleSurvivesImportExportImport() throws IOException {
        BankFile first = good();
        String written = GiftFormat.write(first);
        BankFile second = parse(written);
        assertEquals(first.questions().size(), second.questions().size());
        for (int i = 0; i < first.questions().size(); i++) {
            BankFile.Question a = first.questions().get(i);
            BankFile.Question b = second.questions().get(i);
            assertEquals(List.of(a.id(), a.topic(), a.stem(), a.options(), a.correctOption(), String.valueOf(a.explanation())),
                    List.of(b.id(), b.topic(), b.stem(), b.options(), b.correctOption(), String.valueOf(b.explanation())), written);
        }
        assertTrue(written.contains("####Chính xác!\\nNgày 26/3/1931"), written);
        assertEquals(written, GiftFormat.write(second), "a second export writes the same text");
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("Câu hỏi không có đáp án", List.of("line 1 | bank.gift.no-answers")),
                Arguments.of("Hỏi {=a =b ~c}", List.of("line 1 | bank.gift.unsupported-question")),
                Arguments.of("Hỏi {~%50%a ~%50%b}", List.of("line 1 | bank.gift.unsupported-question")),
                Arguments.of("Hỏi {=%100%a ~b}", List.of("line 1 | bank.gift.unsupported-question")),
                Arguments.of("Hỏi {#5:1}", List.of("line 1 | bank.gift.unsupported-question")),
                Arguments.of("Hỏi {=a -> 1 =b -> 2 =c -> 3}", List.of("line 1 | bank.gift.unsupported-question")),
                Arguments.of("Hỏi {=Hà Nội}", List.of("line 1 | bank.gift.unsupported-question")),
                Arguments.of("Hỏi {}", List.of("line 1 | bank.gift.unsupported-question")),
                Arguments.of("Hỏi {~a ~b}", List.of("line 1 | bank.gift.unsupported-question")),
                Arguments.of("Hỏi {=a ~b} và {=c ~d}", List.of("line 1 | bank.gift.unsupported-question")),
                Arguments.of("Hỏi {1:MULTICHOICE:=a~b}", List.of("line 1 | bank.gift.unsupported-question")),
                Arguments.of("Hỏi {=a ~b ~c ~d ~e ~f ~g}", List.of("line 1 | bank.gift.too-many-options")),
                Arguments.of("Hỏi {=a ~b", List.of("line 1 | bank.gift.unclosed-answers")),
                Arguments.of("::Câu 1 Hỏi {T}", List.of("line 1 | bank.gift.unclosed-name")),
                Arguments.of("{=a ~b}", List.of("line 1 | bank.gift.stem-missing")),
                Arguments.of("Hỏi {=a ~}", List.of("line 1 | bank.gift.option-empty")),
                Arguments.of("Hỏi {=a ~a}", List.of("line 1 | bank.gift.option-repeated")),
                Arguments.of("// chỉ có chú thích\n\n", List.of("line 1 | bank.gift.empty")),
                Arguments.of("Hỏi " + "x".repeat(ImportText.MAX_STEM) + " {T}", List.of("line 1 | bank.gift.too-long")),
                Arguments.of("Hỏi {=" + "x".repeat(ImportText.MAX_OPTION + 1) + " ~b}",
                        List.of("line 1 | bank.gift.too-long")),
                Arguments.of("Hỏi {T####" + "x".repeat(ImportText.MAX_TEXT + 1) + "}",
                        List.of("line 1 | bank.gift.too-long")),
                Arguments.of("\n$CATEGORY: a/" + "x".repeat(ImportText.MAX_TOPIC + 1) + "\n\nHỏi {T}",
                        List.of("line 2 | bank.gift.too-long")),
                Arguments.of("", List.of("line 1 | bank.gift.empty")),
                Arguments.of("::Câu 1::Hỏi {T}\n\n::câu 1::Khác {F}", List.of("line 3 | bank.gift.duplicate-id")),
                Arguments.of("Hỏi {T}\n\n\n Hỏi {F}", List.of("line 4 | bank.gift.duplicate-id")),
                // every question is checked, and errors come in line order
                Arguments.of("// đầu tệp\nHỏi 1 {=a =b}\n\nHỏi 2 {T}\n\nHỏi 3\n\nHỏi 4 {~x ~y}",
                        List.of("line 2 | bank.gift.unsupported-question", "line 6 | bank.gift.no-answers",
                                "line 8 | bank.gift.unsupported-question")));
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void reportsEveryErrorWithItsLine(String text, List<String> expected) {
        assertRejected(expected, () -> parse(text));
    }

    @Test
    void errorsCarryTheArgumentsTheirMessagesNeed() {
        List<ImportError> errors = assertRejected(
                List.of("line 3 | bank.gift.duplicate-id"), () -> parse("::Câu 1::Hỏi {T}\n\n::câu 1::Khác {F}"));
        assertEquals(List.of("cau-1", 1), errors.get(0).args());
        errors = assertRejected(List.of("line 1 | bank.gift.too-many-options"),
                () -> parse("Hỏi {=a ~b ~c ~d ~e ~f ~g}"));
        assertEquals(List.of(7, 6), errors.get(0).args());
    }

    @Test
    void theBrokenSampleGivesTheErrorsItsReadmeLists() throws IOException {
        List<ImportError> errors = assertRejected(List.of(
                        "line 4 | bank.gift.unsupported-question",
                        "line 6 | bank.gift.unsupported-question",
                        "line 8 | bank.gift.duplicate-id",
                        "line 10 | bank.gift.no-answers"),
                () -> parse(Files.readString(BROKEN)));
        assertEquals(List.of("cau-1", 2), errors.get(2).args());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vi|bank.gift.unsupported-question|({T} hoặc {F})",
            "en|bank.gift.unsupported-question|essay {}).",
            "vi|bank.gift.unclosed-answers|\\{ và \\}",
            "en|bank.gift.duplicate-id|on line 1234."})
    void messagesShowBracesAndNumbersAsWritten(String language, String code, String expectedPart) {
        String message = Messages.format(Locale.forLanguageTag(language), code, List.of("cau-1", 1234));
        assertTrue(message.contains(expectedPart), message);
    }

    @Test
    void theCallerMustNameADefaultTopic() {
        assertThrows(IllegalArgumentException.class,
                () -> GiftFormat.parse("mau", "Mẫu", " ", Difficulty.EASY, "Hỏi {T}"));
    }
}
