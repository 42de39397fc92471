package org.examcert.console.control;

import org.examcert.platform.Vietnam;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes report tables as .xlsx (streaming, so a 50,000-row export keeps a small heap) and as CSV
 * (UTF-8 with a byte-order mark, which Excel needs to read Vietnamese text correctly).
 */
public final class Sheets {

    /** Times in reports are shown in Vietnam's time, as the board reads them. */

    /** A named table: header and rows of cells (String, Number, Boolean, Instant or null). */
    public record Table(String name, List<String> header, List<List<Object>> rows) {
    }

    private Sheets() {
    }

    public static byte[] xlsx(Table... tables) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            CellStyle timeStyle = workbook.createCellStyle();
            timeStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            for (Table table : tables) {
                Sheet sheet = workbook.createSheet(table.name());
                sheet.createFreezePane(0, 1);
                Row header = sheet.createRow(0);
                for (int c = 0; c < table.header().size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(table.header().get(c));
                    cell.setCellStyle(headerStyle);
                    sheet.setColumnWidth(c, Math.min(60, Math.max(12, table.header().get(c).length() + 4)) * 256);
                }
                int r = 1;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        write(row.createCell(c), values.get(c), timeStyle);
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] csv(Table table) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, table.header());
        table.rows().forEach(row -> line(csv, row));
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void write(Cell cell, Object value, CellStyle timeStyle) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof Instant i) {
            cell.setCellValue(LocalDateTime.ofInstant(i, Vietnam.ZONE));
            cell.setCellStyle(timeStyle);
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private static void line(StringBuilder csv, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object value = values.get(i);
            String text = value == null ? "" : value instanceof Instant at
                    ? LocalDateTime.ofInstant(at, Vietnam.ZONE).toString() : value.toString();
            // quote every text field that could split a row; neutralize formulas (CSV injection)
            if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
                text = "'" + text;
            }
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = '"' + text.replace("\"", "\"\"") + '"';
            }
            csv.append(text);
        }
        csv.append("\r\n");
    }
}
