package org.examcert.candidate;

import org.examcert.platform.files.ImportError;

import static org.examcert.testing.ImportErrors.assertRejected;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.examcert.platform.text.DrawableText;
import org.examcert.testing.XlsxBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class UnitWorkbookTest {

    private static XlsxBuilder units(Object[]... rows) {
        XlsxBuilder book = XlsxBuilder.sheet(UnitWorkbook.SHEET).row("Mã đơn vị", "Tên đơn vị", "Số đoàn viên");
        for (Object[] row : rows) {
            book.row(row);
        }
        return book;
    }

    private static Object[] unit(Object... cells) {
        return cells;
    }

    /** Certificate fonts as the rule sees them: Latin, Vietnamese and punctuation, no CJK or emoji. */
    private static final DrawableText FONTS = new DrawableText(c -> c < 0x2E00);

    private static List<UnitRow> read(byte[] xlsx) {
        return UnitWorkbook.read(new ByteArrayInputStream(xlsx), FONTS);
    }

    @Test
    void theTemplateImportsAsItIs() {
        List<UnitRow> units = read(UnitWorkbook.template());
        assertEquals(3, units.size());
        assertEquals(new UnitRow("so-y-te", "Đoàn Thanh niên Sở Y tế", 191, 2), units.get(0));
    }

    @Test
    void theTemplateHasItsSheetAndBoldFrozenHeader() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(UnitWorkbook.template()))) {
            var sheet = book.getSheetAt(0);
            assertAll(
                    () -> assertEquals("Đơn vị", sheet.getSheetName()),
                    () -> assertEquals("Số đoàn viên", sheet.getRow(0).getCell(2).getStringCellValue()),
                    () -> assertEquals(true, book.getFontAt(sheet.getRow(0).getCell(1).getCellStyle().getFontIndex())
                            .getBold()),
                    () -> assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition()));
        }
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        List<UnitRow> units = List.of(new UnitRow("A_1", "Đoàn Khối các cơ quan", 1_000_000, 2),
                new UnitRow("b-2", "Chi đoàn Phường Bến Nghé", 0, 3));
        assertEquals(units, read(UnitWorkbook.write(units)));
    }

    @Test
    void readsByHeaderNameDerivesMissingCodesAndAcceptsNumbersAsPeopleWriteThem() {
        String nfd = Normalizer.normalize("Đoàn Thanh niên Sở Y tế", Normalizer.Form.NFD);
        List<UnitRow> units = read(XlsxBuilder.sheet("Sheet1")
                .row("số đoàn viên", "TÊN ĐƠN VỊ", "Ghi chú", " Mã đơn vị ")
                .row(191, nfd, "bỏ qua", null)
                .row()
                .row("1.250", "Đoàn Trường Đại học Bách khoa", null, "BK")
                .row(XlsxBuilder.formula("100*3"), "Đoàn xã Đông Anh", null, null)
                .row("12,000", "Đoàn Khối Doanh nghiệp", null, "dn")
                .bytes());
        assertEquals(List.of(
                new UnitRow("doan-thanh-nien-so-y-te", "Đoàn Thanh niên Sở Y tế", 191, 2),
                new UnitRow("BK", "Đoàn Trường Đại học Bách khoa", 1250, 4),
                new UnitRow("doan-xa-dong-anh", "Đoàn xã Đông Anh", 300, 5),
                new UnitRow("dn", "Đoàn Khối Doanh nghiệp", 12000, 6)), units);
    }

    static Stream<Arguments> brokenSheets() {
        return Stream.of(
                Arguments.of(units(unit("a b", "Đoàn A", 1)), List.of("row 2, column Mã đơn vị | unit.xlsx.code-invalid")),
                Arguments.of(units(unit("x".repeat(41), "Đoàn A", 1)),
                        List.of("row 2, column Mã đơn vị | unit.xlsx.code-invalid")),
                Arguments.of(units(unit(null, "!!!", 1)), List.of("row 2, column Mã đơn vị | unit.xlsx.code-missing")),
                Arguments.of(units(unit("a", null, 1)), List.of("row 2, column Tên đơn vị | unit.xlsx.name-missing")),
                Arguments.of(units(unit("a", "Đ".repeat(301), 1)),
                        List.of("row 2, column Tên đơn vị | unit.xlsx.name-too-long")),
                Arguments.of(units(unit("a", "Đoàn A", null)),
                        List.of("row 2, column Số đoàn viên | unit.xlsx.members-missing")),
                Arguments.of(units(unit("a", "Đoàn A", 1.5)),
                        List.of("row 2, column Số đoàn viên | unit.xlsx.members-invalid")),
                Arguments.of(units(unit("a", "Đoàn A", -1)),
                        List.of("row 2, column Số đoàn viên | unit.xlsx.members-invalid")),
                Arguments.of(units(unit("a", "Đoàn A", 1_000_001)),
                        List.of("row 2, column Số đoàn viên | unit.xlsx.members-invalid")),
                Arguments.of(units(unit("a", "Đoàn A", "khoảng 200")),
                        List.of("row 2, column Số đoàn viên | unit.xlsx.members-invalid")),
                Arguments.of(units(unit("a", "Đoàn A", 1), unit("A", "Đoàn B", 2)),
                        List.of("row 3, column Mã đơn vị | unit.xlsx.duplicate-code")),
                Arguments.of(units(unit(null, "Đoàn Xã Đông", 1), unit(null, "Đoàn xã Đồng", 2)),
                        List.of("row 3, column Mã đơn vị | unit.xlsx.duplicate-code")),
                Arguments.of(units(unit("a", "Đoàn Sở Y tế", 1), unit(null, null, null),
                                unit("b", Normalizer.normalize("đoàn sở y tế", Normalizer.Form.NFD), 2)),
                        List.of("row 4, column Tên đơn vị | unit.xlsx.duplicate-name")),
                Arguments.of(units(unit("a b", null, "x"), unit("c", "Đoàn C", 3), unit("c", "Đoàn C", 3)),
                        List.of("row 2, column Tên đơn vị | unit.xlsx.name-missing",
                                "row 2, column Mã đơn vị | unit.xlsx.code-invalid",
                                "row 2, column Số đoàn viên | unit.xlsx.members-invalid",
                                "row 4, column Tên đơn vị | unit.xlsx.duplicate-name",
                                "row 4, column Mã đơn vị | unit.xlsx.duplicate-code")),
                Arguments.of(units(unit("a", "Đoàn 王 Minh", 1)),
                        List.of("row 2, column Tên đơn vị | text.not-printable")),
                Arguments.of(units(unit("a", "Chi đoàn \u202Eabc", 1)),
                        List.of("row 2, column Tên đơn vị | text.control-character")),
                Arguments.of(units(), List.of("row 2 | unit.xlsx.no-units")),
                Arguments.of(XlsxBuilder.sheet("Đơn vị").row("Mã đơn vị", "Tên"),
                        List.of("row 1 | unit.xlsx.column-missing", "row 1 | unit.xlsx.column-missing")));
    }

    @ParameterizedTest
    @MethodSource("brokenSheets")
    void reportsEveryErrorWithItsRowAndColumn(XlsxBuilder book, List<String> expected) {
        assertRejected(expected, () -> read(book.bytes()));
    }

    @Test
    void duplicatesNameTheOtherRow() {
        List<ImportError> errors = assertRejected(List.of("row 4, column Mã đơn vị | unit.xlsx.duplicate-code"),
                () -> read(units(unit("abc", "Đoàn A", 1), unit("x", "Đoàn X", 1), unit("ABC", "Đoàn B", 2)).bytes()));
        assertEquals(List.of("ABC", 2), errors.get(0).args());
    }

    @Test
    void somethingElseThanAWorkbookIsOneError() {
        assertRejected(List.of("file | unit.xlsx.not-xlsx"),
                () -> read("Mã đơn vị;Tên đơn vị\n".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'a b'|Đoàn A|1|1",
            "''|Đoàn A|1|1",
            "a|' '|1|1",
            "a|' Đoàn A'|1|1",
            "a|Đoàn A|-1|1",
            "a|Đoàn A|1000001|1",
            "a|Đoàn A|1|0"})
    void aUnitRowRefusesWhatCannotBeAUnit(String code, String name, int members, int row) {
        assertThrows(IllegalArgumentException.class, () -> new UnitRow(code, name, members, row));
    }
}
