package org.examcert.questionbank.format;

import org.examcert.platform.files.ImportError;

import org.examcert.questionbank.BankFile;
import org.examcert.questionbank.Difficulty;
import org.examcert.questionbank.ImportText;
import org.examcert.platform.files.ImportRejected;

import static org.examcert.testing.ImportErrors.assertRejected;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.examcert.platform.problem.Messages;
import org.examcert.platform.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AikenFormatTest {

    private static final Path GOOD = Path.of("src/test/resources/imports/good.aiken.txt");
    private static final Path BROKEN = Path.of("src/test/resources/imports/broken.aiken.txt");

    private static BankFile parse(String text) {
        return AikenFormat.parse("mau", "Ngân hàng mẫu", "Lịch sử Đoàn", Difficulty.HARD, text);
    }

    static Stream<Arguments> goodQuestions() {
        return Stream.of(
                Arguments.of(0, "Đoàn Thanh niên Cộng sản Hồ Chí Minh được thành lập năm nào?",
                        List.of("1930", "1931", "1941", "1945"), 2, 1),
                Arguments.of(1, "Đảng Cộng sản Việt Nam được thành lập\nvào năm nào?",
                        List.of("1925", "1930", "1945"), 2, 8),
                Arguments.of(2, "Thủ đô của nước Cộng hòa xã hội chủ nghĩa Việt Nam là thành phố nào?",
                        List.of("Hà Nội", "Huế", "Đà Nẵng"), 1, 14));
    }

    @ParameterizedTest
    @MethodSource("goodQuestions")
    void readsTheGoodSample(int index, String stem, List<String> options, int correct, int line) throws IOException {
        BankFile bank = parse(Files.readString(GOOD));
        assertEquals(3, bank.questions().size());
        BankFile.Question q = bank.questions().get(index);
        assertAll(
                () -> assertEquals(ImportText.stemId(stem), q.id()),
                () -> assertEquals("Lịch sử Đoàn", q.topic()),
                () -> assertEquals(Difficulty.HARD, q.difficulty()),
                () -> assertEquals(stem, q.stem()),
                () -> assertEquals(options, q.options()),
                () -> assertEquals(correct, q.correctOption()),
                () -> assertNull(q.explanation()),
                () -> assertNull(q.source()),
                () -> assertEquals(line, q.line()));
    }

    @Test
    void idIsTheStemHash() {
        // Known value: SHA-256 of the UTF-8 stem, so ids stay stable across releases.
        assertEquals("q-" + sha256Prefix("Đoàn viên là ai?"),
                parse("Đoàn viên là ai?\nA. Thanh niên ưu tú\nB. Thiếu nhi\nANSWER: A").questions().get(0).id());
    }

    @Test
    void decomposedVietnameseIsStoredAsNfc() {
        String nfd = Normalizer.normalize("Đoàn viên là ai?\nA. Thanh niên ưu tú\nB. Thiếu nhi\nANSWER: A",
                Normalizer.Form.NFD);
        BankFile.Question q = parse(nfd).questions().get(0);
        assertAll(
                () -> assertEquals("Đoàn viên là ai?", q.stem()),
                () -> assertEquals(List.of("Thanh niên ưu tú", "Thiếu nhi"), q.options()),
                () -> assertEquals(ImportText.stemId("Đoàn viên là ai?"), q.id()));
    }

    static Stream<Arguments> parsedQuestions() {
        return Stream.of(
                Arguments.of("\uFEFFHỏi?\r\nA) a\r\nB) b\r\nANSWER: B\r\n", List.of("a", "b"), 2),
                Arguments.of("Hỏi?\nA. a\nB. b\nC. c\nD. d\nE. e\nF. f\nANSWER:F", List.of("a", "b", "c", "d", "e", "f"), 6),
                Arguments.of("  Hỏi?  \n  A.   a  \n B. b\nanswer: a\n\n\n", List.of("a", "b"), 1));
    }

    @ParameterizedTest
    @MethodSource("parsedQuestions")
    void readsEachSupportedForm(String text, List<String> options, int correct) {
        BankFile.Question q = parse(text).questions().get(0);
        assertAll(
                () -> assertEquals("Hỏi?", q.stem()),
                () -> assertEquals(options, q.options()),
                () -> assertEquals(correct, q.correctOption()));
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("Hỏi\nA. a\nC. c\nANSWER: A", List.of("line 3 | bank.aiken.option-out-of-order")),
                Arguments.of("Hỏi\nB. b\nC. c\nANSWER: B", List.of("line 2 | bank.aiken.option-out-of-order",
                        "line 3 | bank.aiken.option-out-of-order")),
                Arguments.of("Hỏi\nA. a\nANSWER: A", List.of("line 1 | bank.aiken.too-few-options")),
                Arguments.of("Hỏi không có phương án\n\nHỏi 2\nA. a\nB. b\nANSWER: A",
                        List.of("line 1 | bank.aiken.too-few-options")),
                Arguments.of("Hỏi\nA. a\nB. b\nC. c\nD. d\nE. e\nF. f\nG. g\nANSWER: A",
                        List.of("line 1 | bank.aiken.too-many-options")),
                Arguments.of("Hỏi\nA. a\nB. b", List.of("line 1 | bank.aiken.answer-line-missing")),
                Arguments.of("Hỏi 1\nA. a\nB. b\nHỏi 2\nA. c\nB. d\nANSWER: A",
                        List.of("line 1 | bank.aiken.answer-line-missing")),
                Arguments.of("Hỏi\nA. a\nB. b\nANSWER: C", List.of("line 4 | bank.aiken.answer-invalid")),
                Arguments.of("Hỏi\nA. a\nB. b\nANSWER: AB", List.of("line 4 | bank.aiken.answer-invalid")),
                Arguments.of("Hỏi\nA. a\nB. b\nANSWER:", List.of("line 4 | bank.aiken.answer-missing")),
                Arguments.of("Hỏi\nA. a\nB. b\nANSWER: A\nC. c", List.of("line 5 | bank.aiken.text-after-answer")),
                Arguments.of("Hỏi\nA. a\nB. b\nANSWER: A\nANSWER: B", List.of("line 5 | bank.aiken.text-after-answer")),
                Arguments.of("Hỏi\nA.\nB. b\nANSWER: B", List.of("line 2 | bank.aiken.option-empty")),
                Arguments.of("Hỏi\nA. a\nB. a\nANSWER: B", List.of("line 3 | bank.aiken.option-repeated")),
                Arguments.of("Hỏi\nA. a\nB. b\nANSWER: A\n\nHỏi\nA. c\nB. d\nANSWER: B",
                        List.of("line 6 | bank.aiken.duplicate-question")),
                Arguments.of("", List.of("line 1 | bank.aiken.empty")),
                Arguments.of("\n\nHỏi\nA. a\nC. c\nANSWER: A", List.of("line 5 | bank.aiken.option-out-of-order")),
                Arguments.of("x".repeat(ImportText.MAX_STEM + 1) + "\nA. a\nB. b\nANSWER: A",
                        List.of("line 1 | bank.aiken.too-long")),
                Arguments.of("Hỏi\nA. a\nB. " + "b".repeat(ImportText.MAX_OPTION + 1) + "\nANSWER: A",
                        List.of("line 3 | bank.aiken.too-long")),
                Arguments.of("\n  \n", List.of("line 1 | bank.aiken.empty")));
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void reportsEveryErrorWithItsLine(String text, List<String> expected) {
        assertRejected(expected, () -> parse(text));
    }

    @Test
    void theBrokenSampleGivesTheErrorsItsReadmeLists() throws IOException {
        List<ImportError> errors = assertRejected(List.of(
                        "line 3 | bank.aiken.option-out-of-order",
                        "line 9 | bank.aiken.answer-invalid",
                        "line 11 | bank.aiken.answer-line-missing",
                        "line 15 | bank.aiken.duplicate-question",
                        "line 19 | bank.aiken.text-after-answer"),
                () -> parse(Files.readString(BROKEN)));
        assertEquals(List.of(List.of("B", "C"), List.of("D", "B"), List.of("B"), List.of(1), List.of()),
                errors.stream().map(ImportError::args).toList());
    }

    @Test
    void aRefusalBecomesOne422ProblemWithEveryError() {
        ImportRejected rejected = assertThrows(ImportRejected.class,
                () -> parse("Hỏi\nA. a\nC. c\nANSWER: D"));
        Problem problem = rejected.toProblem("bank.import-invalid");
        assertAll(
                () -> assertEquals(422, problem.status()),
                () -> assertEquals(List.of(2), problem.args()),
                () -> assertEquals(rejected.errors().stream().map(ImportError::toFieldError).toList(), problem.fieldErrors()),
                () -> assertEquals("The question file has 2 errors, so no question was saved. Fix the errors listed"
                        + " (by line or row and column) and import it again.",
                        Messages.format(Locale.ENGLISH, problem.code(), problem.args())));
    }

    private static String sha256Prefix(String s) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
