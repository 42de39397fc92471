package org.examcert.console.control;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SheetsTest {

    private static String csvCell(Object value) {
        String csv = new String(Sheets.csv(new Sheets.Table("t", List.of("h"), List.of(Arrays.asList(value)))), StandardCharsets.UTF_8);
        return csv.substring("\uFEFFh\r\n".length(), csv.length() - 2);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "Nguyễn Văn A|Nguyễn Văn A",
            "Đoàn xã A, huyện B|\"Đoàn xã A, huyện B\"",
            "tên \"Út\"|\"tên \"\"Út\"\"\"",
            "=HYPERLINK(\"x\")|\"'=HYPERLINK(\"\"x\"\")\"",
            "+84912345678|'+84912345678",
            "@SUM(A1)|'@SUM(A1)",
    })
    void textIsQuotedAndFormulasAreNeutralized(String value, String expected) {
        assertEquals(expected, csvCell(value));
    }

    @Test
    void numbersNullsAndTimes() {
        assertEquals("-3", csvCell(-3), "a negative number stays a number");
        assertEquals("", csvCell(null));
        assertEquals("2026-03-26T15:00", csvCell(Instant.parse("2026-03-26T08:00:00Z")), "times in Vietnam's time");
    }

    @Test
    void anXlsxTableReadsBackWithItsTypes() throws IOException {
        byte[] xlsx = Sheets.xlsx(new Sheets.Table("Kết quả", List.of("Họ và tên", "Điểm", "Hoàn thành"),
                List.of(Arrays.asList("Trần Thị Bích Ngọc", new BigDecimal("27.50"), true), Arrays.asList("Lê Văn Út", null, false))));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("Kết quả");
            DataFormatter format = new DataFormatter();
            assertEquals("Họ và tên", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(27.5, sheet.getRow(1).getCell(1).getNumericCellValue(), 1e-9);
            assertTrue(sheet.getRow(1).getCell(2).getBooleanCellValue());
            assertEquals("", format.formatCellValue(sheet.getRow(2).getCell(1)));
            assertEquals(2, sheet.getLastRowNum());
        }
    }
}
