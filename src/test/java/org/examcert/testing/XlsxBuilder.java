package org.examcert.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds small .xlsx inputs in tests, so no binary fixture hides what a test feeds in. A cell is a
 * String, a Number (a numeric cell), {@link #date}, {@link #formula} (a formula with its cached value) or null
 * (left out).
 */
public final class XlsxBuilder {

    /** A formula cell; POI computes and caches its value when the workbook is built. */
    public record Formula(String formula) {
    }

    private final List<String> sheetNames = new ArrayList<>();
    private final List<List<List<Object>>> sheets = new ArrayList<>();

    public static XlsxBuilder sheet(String name) {
        return new XlsxBuilder().andSheet(name);
    }

    public static Formula formula(String formula) {
        return new Formula(formula);
    }

    /** A date cell shown with one of Excel's built-in formats, e.g. 14 (the locale's short date). */
    public record DateCell(LocalDate date, int builtinFormat) {
    }

    public static DateCell date(LocalDate date, int builtinFormat) {
        return new DateCell(date, builtinFormat);
    }

    public XlsxBuilder andSheet(String name) {
        sheetNames.add(name);
        sheets.add(new ArrayList<>());
        return this;
    }

    public XlsxBuilder row(Object... cells) {
        sheets.get(sheets.size() - 1).add(Arrays.asList(cells));
        return this;
    }

    public XlsxBuilder rows(List<List<Object>> rows) {
        sheets.get(sheets.size() - 1).addAll(rows);
        return this;
    }

    public byte[] bytes() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int s = 0; s < sheets.size(); s++) {
                Sheet sheet = workbook.createSheet(sheetNames.get(s));
                List<List<Object>> rows = sheets.get(s);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    List<Object> cells = rows.get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        Object value = cells.get(c);
                        if (value == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (value instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (value instanceof Formula f) {
                            cell.setCellFormula(f.formula());
                        } else if (value instanceof DateCell d) {
                            CellStyle style = workbook.createCellStyle();
                            style.setDataFormat((short) d.builtinFormat());
                            cell.setCellValue(d.date());
                            cell.setCellStyle(style);
                        } else {
                            cell.setCellValue(value.toString());
                        }
                    }
                }
            }
            // Cache formula results as Excel does when it saves.
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream stream() {
        return new ByteArrayInputStream(bytes());
    }
}
