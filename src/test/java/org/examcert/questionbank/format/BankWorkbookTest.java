package org.examcert.questionbank.format;

import org.examcert.platform.files.ImportError;

import org.examcert.questionbank.BankFile;
import org.examcert.questionbank.Difficulty;
import org.examcert.questionbank.ImportText;

import static org.examcert.testing.ImportErrors.assertRejected;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.examcert.platform.problem.Messages;
import org.examcert.testing.XlsxBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BankWorkbookTest {

    private static final String LONG_STEM = "x".repeat(BankWorkbook.MAX_STEM + 1);
    private static final String LONG_OPTION = "y".repeat(BankWorkbook.MAX_OPTION + 1);

    /** A row in the template's column order: id, topic, difficulty, stem, options A-F, correct, explanation, source. */
    private static Object[] q(String id, String topic, Object difficulty, String stem, Object correct, Object... options) {
        List<Object> row = new ArrayList<>(Arrays.asList(id, topic, difficulty, stem));
        for (int i = 0; i < 6; i++) {
            row.add(i < options.length ? options[i] : null);
        }
        row.add(correct);
        row.add(null);
        row.add(null);
        return row.toArray();
    }

    private static XlsxBuilder sheet(Object[]... rows) {
        XlsxBuilder book = XlsxBuilder.sheet(BankWorkbook.SHEET).row(BankWorkbook.COLUMNS.toArray());
        for (Object[] row : rows) {
            book.row(row);
        }
        return book;
    }

    private static BankFile read(byte[] xlsx) {
        return BankWorkbook.read("mau", "Ngân hàng mẫu", "Mô tả", new ByteArrayInputStream(xlsx));
    }

    private static BankFile read(XlsxBuilder book) {
        return read(book.bytes());
    }

    @Test
    void theTemplateImportsAsItIs() {
        BankFile bank = read(BankWorkbook.template());
        assertEquals(2, bank.questions().size());
        BankFile.Question first = bank.questions().get(0);
        assertAll(
                () -> assertEquals("mau", bank.code()),
                () -> assertEquals("Mô tả", bank.description()),
                () -> assertEquals("doan-001", first.id()),
                () -> assertEquals("Lịch sử Đoàn", first.topic()),
                () -> assertEquals(Difficulty.EASY, first.difficulty()),
                () -> assertEquals("Đoàn Thanh niên Cộng sản Hồ Chí Minh được thành lập ngày nào?", first.stem()),
                () -> assertEquals("26/3/1931", first.options().get(first.correctOption() - 1)),
                () -> assertEquals(2, first.line()),
                () -> assertEquals(Difficulty.MEDIUM, bank.questions().get(1).difficulty()),
                () -> assertEquals(3, bank.questions().get(1).line()));
    }

    @Test
    void theTemplateIsLaidOutForPeople() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(BankWorkbook.template()))) {
            Sheet questions = book.getSheetAt(0);
            Sheet guide = book.getSheetAt(1);
            DataFormatter f = new DataFormatter();
            List<String> header = new ArrayList<>();
            questions.getRow(0).forEach(c -> header.add(f.formatCellValue(c)));
            String guideText = String.join("\n", collect(guide, f));
            assertAll(
                    () -> assertEquals("Câu hỏi", questions.getSheetName()),
                    () -> assertEquals("Hướng dẫn", guide.getSheetName()),
                    () -> assertEquals(List.of("Mã câu hỏi", "Chủ đề", "Độ khó", "Câu hỏi", "Phương án A",
                            "Phương án B", "Phương án C", "Phương án D", "Phương án E", "Phương án F", "Đáp án đúng",
                            "Giải thích", "Nguồn"), header),
                    () -> assertTrue(book.getFontAt(questions.getRow(0).getCell(0).getCellStyle().getFontIndex())
                            .getBold(), "bold header"),
                    () -> assertEquals(1, questions.getPaneInformation().getHorizontalSplitPosition(), "frozen header"),
                    () -> assertTrue(questions.getRow(1).getCell(3).getCellStyle().getWrapText(), "wrapped stem"),
                    () -> assertTrue(questions.getColumnWidth(3) > questions.getColumnWidth(2), "wide stem column"),
                    () -> assertTrue(guideText.indexOf("trung bình") < guideText.indexOf("Instructions"),
                            "Vietnamese first, then English: " + guideText));
        }
    }

    private static List<String> collect(Sheet sheet, DataFormatter f) {
        List<String> lines = new ArrayList<>();
        sheet.forEach(row -> row.forEach(c -> lines.add(f.formatCellValue(c))));
        return lines;
    }

    static Stream<Arguments> banks() throws IOException {
        BankFile gift = GiftFormat.parse("mau", "Mẫu", "Chung", Difficulty.EASY,
                Files.readString(Path.of("src/test/resources/imports/good.gift")));
        BankFile wide = new BankFile("mau", "Mẫu", null, List.of(
                new BankFile.Question("q-6", "Chủ đề", Difficulty.HARD, "Hai dòng\nthứ hai",
                        List.of("1", "2", "3", "4", "5", "6"), 6, null, "Nguồn: sách", 9),
                new BankFile.Question("q-2", "Chủ đề", Difficulty.MEDIUM, "1931?", List.of("1931", "1930.5"), 1,
                        "Giải thích", null, 12)));
        return Stream.of(Arguments.of(gift), Arguments.of(wide), Arguments.of(
                BankFileParser.parse("sample.bank", """
                        bank: sample
                        title: Mẫu
                        @ q-001
                        topic: Lịch sử Đảng
                        difficulty: easy
                        Q: Đảng Cộng sản Việt Nam được thành lập vào năm nào?
                        - 1925
                        * 1930
                        explanation: Ngày 3/2/1930.
                        source: Lịch sử Đảng.
                        """)));
    }

    @ParameterizedTest
    @MethodSource("banks")
    void whatIsWrittenReadsBackTheSame(BankFile bank) {
        BankFile back = read(BankWorkbook.write(bank));
        assertEquals(withoutLines(bank.questions()), withoutLines(back.questions()));
    }

    private static List<BankFile.Question> withoutLines(List<BankFile.Question> questions) {
        return questions.stream().map(q -> new BankFile.Question(q.id(), q.topic(), q.difficulty(), q.stem(),
                q.options(), q.correctOption(), q.explanation(), q.source(), 1)).toList();
    }

    @Test
    void columnsAreFoundByNameAndCellsReadAsExcelShowsThem() {
        String nfd = Normalizer.normalize("Đoàn được thành lập năm nào?", Normalizer.Form.NFD);
        BankFile bank = read(XlsxBuilder.sheet("Trang 1")
                .row("đáp án đúng", " Câu hỏi ", "Phương án B", "Phương án A", "Độ khó", "Chủ đề", "Ghi chú khác",
                        "Phương án C")
                .row("b", nfd, 1931, 1930, "Trung Bình", "Lịch sử Đoàn", "bỏ qua", XlsxBuilder.formula("1940+5"))
                .row()
                .row(null, null, null, null, "")
                .row("A", "Câu thứ hai", "Không", "Có", "HARD", "Lịch sử Đoàn", null, null));
        BankFile.Question first = bank.questions().get(0);
        assertAll(
                () -> assertEquals(2, bank.questions().size()),
                () -> assertEquals("Đoàn được thành lập năm nào?", first.stem()),
                () -> assertEquals(ImportText.stemId("Đoàn được thành lập năm nào?"), first.id()),
                () -> assertEquals(List.of("1930", "1931", "1945"), first.options()),
                () -> assertEquals(2, first.correctOption()),
                () -> assertEquals(Difficulty.MEDIUM, first.difficulty()),
                () -> assertNull(first.explanation()),
                () -> assertEquals(Difficulty.HARD, bank.questions().get(1).difficulty()),
                () -> assertEquals(5, bank.questions().get(1).line()));
    }

    @ParameterizedTest
    @CsvSource({"14, 26/3/1931", "15, 26-Mar-31"})
    void datesReadAsTheyShow(int builtinFormat, String expected) {
        BankFile.Question q = read(sheet(q(null, "Lịch sử Đoàn", "dễ", "Đoàn được thành lập ngày nào?", "A",
                XlsxBuilder.date(LocalDate.of(1931, 3, 26), builtinFormat), "3/2/1930"))).questions().get(0);
        assertEquals(List.of(expected, "3/2/1930"), q.options());
    }

    static Stream<Arguments> brokenRows() {
        return Stream.of(
                Arguments.of(sheet(q(null, null, "dễ", "Hỏi?", "A", "a", "b")),
                        List.of("row 2, column Chủ đề | bank.xlsx.topic-missing")),
                Arguments.of(sheet(q(null, "Chủ đề", "dễ", " ", "A", "a", "b")),
                        List.of("row 2, column Câu hỏi | bank.xlsx.stem-missing")),
                Arguments.of(sheet(q(null, "Chủ đề", "rất khó", "Hỏi?", "A", "a", "b")),
                        List.of("row 2, column Độ khó | bank.xlsx.difficulty-unknown")),
                Arguments.of(sheet(q(null, "Chủ đề", null, "Hỏi?", "A", "a", "b")),
                        List.of("row 2, column Độ khó | bank.xlsx.difficulty-unknown")),
                Arguments.of(sheet(q(null, "Chủ đề", "dễ", "Hỏi?", "A", "a")),
                        List.of("row 2 | bank.xlsx.too-few-options")),
                Arguments.of(sheet(q(null, "Chủ đề", "dễ", "Hỏi?", "A", "a", null, "c")),
                        List.of("row 2, column Phương án B | bank.xlsx.option-gap")),
                Arguments.of(sheet(q(null, "Chủ đề", "dễ", "Hỏi?", "A", "a", "b", "c", "a")),
                        List.of("row 2, column Phương án D | bank.xlsx.option-repeated")),
                Arguments.of(sheet(q(null, "Chủ đề", "dễ", "Hỏi?", null, "a", "b")),
                        List.of("row 2, column Đáp án đúng | bank.xlsx.answer-missing")),
                Arguments.of(sheet(q(null, "Chủ đề", "dễ", "Hỏi?", "G", "a", "b")),
                        List.of("row 2, column Đáp án đúng | bank.xlsx.answer-invalid")),
                Arguments.of(sheet(q(null, "Chủ đề", "dễ", "Hỏi?", 1, "a", "b")),
                        List.of("row 2, column Đáp án đúng | bank.xlsx.answer-invalid")),
                Arguments.of(sheet(q(null, "Chủ đề", "dễ", "Hỏi?", "C", "a", "b")),
                        List.of("row 2, column Đáp án đúng | bank.xlsx.answer-option-empty")),
                Arguments.of(sheet(q("Câu 1", "Chủ đề", "dễ", "Hỏi?", "A", "a", "b")),
                        List.of("row 2, column Mã câu hỏi | bank.xlsx.id-invalid")),
                Arguments.of(sheet(q("c-1", "Chủ đề", "dễ", "Hỏi 1?", "A", "a", "b"), q(null, null, null, null, null),
                                q("c-1", "Chủ đề", "dễ", "Hỏi 2?", "A", "a", "b")),
                        List.of("row 4, column Mã câu hỏi | bank.xlsx.duplicate-id")),
                Arguments.of(sheet(q(null, "Chủ đề", "dễ", "Hỏi?", "A", "a", "b"), q(null, "Khác", "khó", "Hỏi?", "B", "c", "d")),
                        List.of("row 3, column Câu hỏi | bank.xlsx.duplicate-question")),
                Arguments.of(sheet(q(null, "Chủ đề", "dễ", LONG_STEM, "A", "a", LONG_OPTION)),
                        List.of("row 2, column Câu hỏi | bank.xlsx.too-long",
                                "row 2, column Phương án B | bank.xlsx.too-long")),
                // every row is checked, every error of a row is listed
                Arguments.of(sheet(q(null, null, "x", null, null, "a"), q(null, "Chủ đề", "dễ", "Đúng?", "A", "a", "b"),
                                q(null, "Chủ đề", "dễ", "Hỏi?", "B", "a", null, "c")),
                        List.of("row 2, column Chủ đề | bank.xlsx.topic-missing",
                                "row 2, column Câu hỏi | bank.xlsx.stem-missing",
                                "row 2, column Độ khó | bank.xlsx.difficulty-unknown",
                                "row 2 | bank.xlsx.too-few-options",
                                "row 2, column Đáp án đúng | bank.xlsx.answer-missing",
                                "row 4, column Phương án B | bank.xlsx.option-gap",
                                "row 4, column Đáp án đúng | bank.xlsx.answer-option-empty")),
                Arguments.of(sheet(), List.of("row 2 | bank.xlsx.no-questions")),
                Arguments.of(sheet(q(null, null, null, null, null)), List.of("row 2 | bank.xlsx.no-questions")),
                Arguments.of(XlsxBuilder.sheet(BankWorkbook.SHEET).row("Câu hỏi", "Chủ đề", "Phương án A", "Phương án B"),
                        List.of("row 1 | bank.xlsx.column-missing", "row 1 | bank.xlsx.column-missing")),
                Arguments.of(XlsxBuilder.sheet(BankWorkbook.SHEET), List.of("row 1 | bank.xlsx.column-missing",
                        "row 1 | bank.xlsx.column-missing", "row 1 | bank.xlsx.column-missing",
                        "row 1 | bank.xlsx.column-missing", "row 1 | bank.xlsx.column-missing",
                        "row 1 | bank.xlsx.column-missing")));
    }

    @ParameterizedTest
    @MethodSource("brokenRows")
    void reportsEveryErrorWithItsRowAndColumn(XlsxBuilder book, List<String> expected) {
        assertRejected(expected, () -> read(book));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vi|bank.xlsx.answer-missing|Thiếu đáp án đúng: ghi một chữ cái từ A đến D.",
            "en|bank.xlsx.answer-missing|The correct answer is missing: write one letter from A to D.",
            "vi|bank.xlsx.too-long|Nội dung quá dài: tối đa 5000 ký tự, hiện có 12345 ký tự.",
            "en|bank.xlsx.duplicate-id|The question id \"D\" is already used on row 12345; every question needs its own id."})
    void messagesTellWhatToFix(String language, String code, String expected) {
        List<Object> args = code.equals("bank.xlsx.too-long") ? List.of(5000, 12345) : List.of("D", 12345);
        assertEquals(expected, Messages.format(Locale.forLanguageTag(language), code, args));
    }

    @Test
    void errorsCarryTheArgumentsTheirMessagesNeed() {
        List<ImportError> errors = assertRejected(List.of(
                        "row 1 | bank.xlsx.column-missing", "row 1 | bank.xlsx.column-missing"),
                () -> read(XlsxBuilder.sheet(BankWorkbook.SHEET).row("Câu hỏi", "Chủ đề", "Phương án A", "Phương án B")));
        assertEquals(List.of(List.of("Độ khó"), List.of("Đáp án đúng")),
                errors.stream().map(ImportError::args).toList());
        errors = assertRejected(List.of("row 4, column Mã câu hỏi | bank.xlsx.duplicate-id"),
                () -> read(sheet(q("c-1", "Chủ đề", "dễ", "Hỏi 1?", "A", "a", "b"), q(null, null, null, null, null),
                        q("c-1", "Chủ đề", "dễ", "Hỏi 2?", "A", "a", "b"))));
        assertEquals(List.of("c-1", 2), errors.get(0).args());
        errors = assertRejected(List.of("row 2, column Phương án B | bank.xlsx.option-gap"),
                () -> read(sheet(q(null, "Chủ đề", "dễ", "Hỏi?", "A", "a", null, "c"))));
        assertEquals(List.of("B", "C"), errors.get(0).args());
    }

    static Stream<Arguments> notWorkbooks() {
        return Stream.of(
                Arguments.of((Object) "Mã câu hỏi,Chủ đề\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of((Object) new byte[0]),
                Arguments.of((Object) new XlsxBuilder().bytes()),
                Arguments.of((Object) new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0}));
    }

    @ParameterizedTest
    @MethodSource("notWorkbooks")
    void somethingElseThanAWorkbookIsOneError(byte[] bytes) {
        InputStream in = new ByteArrayInputStream(bytes);
        assertRejected(List.of("file | bank.xlsx.not-xlsx"), () -> BankWorkbook.read("mau", "Mẫu", null, in));
    }
}
