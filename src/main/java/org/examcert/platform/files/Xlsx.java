package org.examcert.platform.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small helpers for reading and writing the .xlsx workbooks organizers import and export. */
public final class Xlsx {

    /** Excel's built-in format 14, the short date of the computer's locale. */
    private static final short LOCALE_DATE = 14;
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/yyyy");

    private Xlsx() {
    }

    /**
     * Reads an uploaded workbook with {@code reader} and closes it; a file that is not an .xlsx is
     * refused with one error at {@code "file"} under {@code notXlsxKey}.
     */
    public static <T> T read(InputStream xlsx, String notXlsxKey, Function<Workbook, T> reader) {
        Objects.requireNonNull(xlsx, "xlsx is required");
        Workbook workbook = open(xlsx).orElseThrow(
                () -> new ImportRejected(List.of(ImportError.of(ImportError.Place.FILE, notXlsxKey))));
        try {
            return reader.apply(workbook);
        } finally {
            close(workbook);
        }
    }

    /** The workbook, or empty when the bytes are not an .xlsx file with a sheet (old .xls, CSV, a PDF, nothing). */
    private static Optional<Workbook> open(InputStream in) {
        try {
            XSSFWorkbook workbook = new XSSFWorkbook(in);
            if (workbook.getNumberOfSheets() == 0) {
                close(workbook);
                return Optional.empty();
            }
            return Optional.of(workbook);
        } catch (IOException | RuntimeException e) {
            // POI reports a wrong format with several unchecked exceptions; all mean "not an .xlsx".
            return Optional.empty();
        }
    }

    /** The named sheet, else the first one. */
    public static Sheet sheet(Workbook workbook, String name) {
        Sheet sheet = workbook.getSheet(name);
        return sheet != null ? sheet : workbook.getSheetAt(0);
    }

    /** Formats cells as Excel shows them (1931, not 1931.0), formula cells by their cached value. */
    public static DataFormatter formatter() {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        formatter.setUseCachedValuesForFormulaCells(true);
        return formatter;
    }

    /** A cell's text, NFC and stripped; "" for a missing or empty cell. */
    public static String text(Row row, int column, DataFormatter formatter) {
        if (row == null || column < 0) {
            return "";
        }
        Cell cell = row.getCell(column);
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && cell.getCellStyle().getDataFormat() == LOCALE_DATE
                && DateUtil.isCellDateFormatted(cell)) {
            // Excel shows its built-in short date in the reader's own way; here that is day/month/year,
            // so a typed 26/3/1931 stays 26/3/1931 rather than POI's American 3/26/31.
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DAY_MONTH_YEAR);
        }
        String value = formatter.formatCellValue(cell);
        return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
    }

    /** A cell's number when it holds one (directly or as a formula's cached result). */
    public static Optional<Double> number(Row row, int column) {
        Cell cell = row == null || column < 0 ? null : row.getCell(column);
        if (cell == null) {
            return Optional.empty();
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return type == CellType.NUMERIC ? Optional.of(cell.getNumericCellValue()) : Optional.empty();
    }

    /** Column index by header text, compared NFC, stripped and case-insensitively; the first of equal headers wins. */
    public static Map<String, Integer> headers(Row header, DataFormatter formatter) {
        Map<String, Integer> columns = new HashMap<>();
        if (header == null) {
            return columns;
        }
        for (Cell cell : header) {
            String name = key(text(header, cell.getColumnIndex(), formatter));
            if (!name.isEmpty()) {
                columns.putIfAbsent(name, cell.getColumnIndex());
            }
        }
        return columns;
    }

    /** How a header name is looked up in {@link #headers}. */
    public static String key(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }

    /** True when every cell of the row is empty once formatted. */
    public static boolean blank(Row row, DataFormatter formatter) {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (!text(row, cell.getColumnIndex(), formatter).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Writes a bold, frozen header row with the given column widths (in characters). */
    public static void header(Sheet sheet, List<String> names, List<Integer> widths) {
        Workbook workbook = sheet.getWorkbook();
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names.get(i));
            cell.setCellStyle(style);
            sheet.setColumnWidth(i, Math.min(255, widths.get(i)) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** A style that wraps long text, aligned to the top so rows read evenly. */
    public static CellStyle wrapped(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setWrapText(true);
        style.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        return style;
    }

    /** Writes text cells; null and empty values leave the cell out. */
    public static Row row(Sheet sheet, int index, List<String> values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null && !value.isEmpty()) {
                row.createCell(i).setCellValue(value);
            }
        }
        return row;
    }

    public static byte[] bytes(Workbook workbook) {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a workbook to memory failed", e);
        }
    }

    /** Closes a workbook that was only read. */
    private static void close(Workbook workbook) {
        try {
            workbook.close();
        } catch (IOException e) {
            // Nothing was written; there is nothing to lose.
        }
    }
}
