package org.examcert.candidate;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.examcert.platform.files.CappedErrors;
import org.examcert.platform.files.ImportError;
import org.examcert.platform.files.ImportError.Place;
import org.examcert.platform.text.Slug;
import org.examcert.platform.files.ImportRejected;
import org.examcert.platform.text.DrawableText;
import org.examcert.platform.problem.Problem;
import org.examcert.platform.files.Xlsx;

/**
 * Units (đơn vị) as an .xlsx workbook, one unit per row of the sheet "Đơn vị". Columns are found
 * by their header; the whole sheet is checked and every error reported with its row and column
 * before anything is returned.
 */
public final class UnitWorkbook {

    public static final String SHEET = "Đơn vị";
    public static final String CODE = "Mã đơn vị";
    public static final String NAME = "Tên đơn vị";
    public static final String MEMBERS = "Số đoàn viên";
    public static final List<String> COLUMNS = List.of(CODE, NAME, MEMBERS);
    private static final List<Integer> WIDTHS = List.of(20, 60, 16);

    /** 1000, 1.000, 1,000 or 1 000: people type thousands separators of either language. */
    private static final Pattern WHOLE = Pattern.compile("\\d{1,3}(?:([.,\\s])\\d{3})?(?:\\1\\d{3})*|\\d+");

    private UnitWorkbook() {
    }

    /**
     * Reads the units of a workbook; a unit without a code gets one made from its name. A name is
     * printed on its members' certificates, so it must be {@code printable}.
     *
     * @throws ImportRejected listing every error, each at {@code "file"}, {@code "row N"} or
     *     {@code "row N, column <header>"} with a {@code unit.xlsx.*} code
     */
    public static List<UnitRow> read(InputStream xlsx, DrawableText printable) {
        return Xlsx.read(xlsx, "unit.xlsx.not-xlsx", workbook -> read(Xlsx.sheet(workbook, SHEET), printable));
    }

    public static byte[] write(List<UnitRow> units) {
        Objects.requireNonNull(units, "units are required");
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet(SHEET);
        Xlsx.header(sheet, COLUMNS, WIDTHS);
        int r = 1;
        for (UnitRow unit : units) {
            Row row = Xlsx.row(sheet, r++, List.of(unit.code(), unit.name()));
            row.createCell(2).setCellValue(unit.expectedMembers());
        }
        return Xlsx.bytes(workbook);
    }

    /** A workbook to fill in, with three example units that import as they are. */
    public static byte[] template() {
        return write(List.of(
                new UnitRow("so-y-te", "Đoàn Thanh niên Sở Y tế", 191, 2),
                new UnitRow("dh-bach-khoa", "Đoàn Trường Đại học Bách khoa", 12500, 3),
                new UnitRow("xa-dong-anh", "Đoàn Thanh niên xã Đông Anh", 0, 4)));
    }

    private static List<UnitRow> read(Sheet sheet, DrawableText printable) {
        DataFormatter formatter = Xlsx.formatter();
        Map<String, Integer> columns = Xlsx.headers(sheet.getRow(0), formatter);
        CappedErrors errors = new CappedErrors();
        for (String name : List.of(NAME, MEMBERS)) {
            if (!columns.containsKey(Xlsx.key(name))) {
                errors.add(ImportError.of(Place.row(1), "unit.xlsx.column-missing", name));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        int codeColumn = columns.getOrDefault(Xlsx.key(CODE), -1);
        int nameColumn = columns.get(Xlsx.key(NAME));
        int membersColumn = columns.get(Xlsx.key(MEMBERS));
        List<UnitRow> units = new ArrayList<>();
        Map<String, Integer> codeRows = new HashMap<>();
        Map<String, Integer> nameRows = new HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (Xlsx.blank(row, formatter)) {
                continue;
            }
            int number = r + 1;
            int errorsBefore = errors.total();

            String name = Xlsx.text(row, nameColumn, formatter);
            Place namePlace = place(number, NAME);
            Optional<Problem.FieldError> unprintable = printable.check(namePlace.toString(), name);
            if (unprintable.isPresent()) {
                errors.add(new ImportError(null, namePlace, unprintable.get().code(), unprintable.get().args()));
            } else if (name.isEmpty()) {
                errors.add(ImportError.of(place(number, NAME), "unit.xlsx.name-missing"));
            } else if (name.length() > UnitRow.MAX_NAME) {
                errors.add(ImportError.of(place(number, NAME), "unit.xlsx.name-too-long", UnitRow.MAX_NAME,
                        name.length()));
            } else {
                Integer other = nameRows.putIfAbsent(name.toLowerCase(Locale.ROOT), number);
                if (other != null) {
                    errors.add(ImportError.of(place(number, NAME), "unit.xlsx.duplicate-name", name, other));
                }
            }

            String code = Xlsx.text(row, codeColumn, formatter);
            if (code.isEmpty()) {
                code = Slug.of(name, UnitRow.MAX_CODE);
                if (code.isEmpty() && !name.isEmpty()) {
                    errors.add(ImportError.of(place(number, CODE), "unit.xlsx.code-missing"));
                }
            } else if (!UnitRow.CODE.matcher(code).matches()) {
                errors.add(ImportError.of(place(number, CODE), "unit.xlsx.code-invalid", code));
                code = "";
            }
            if (!code.isEmpty()) {
                Integer other = codeRows.putIfAbsent(code.toLowerCase(Locale.ROOT), number);
                if (other != null) {
                    errors.add(ImportError.of(place(number, CODE), "unit.xlsx.duplicate-code", code, other));
                }
            }

            Integer members = members(row, membersColumn, formatter);
            String membersText = Xlsx.text(row, membersColumn, formatter);
            if (membersText.isEmpty()) {
                errors.add(ImportError.of(place(number, MEMBERS), "unit.xlsx.members-missing"));
            } else if (members == null) {
                errors.add(ImportError.of(place(number, MEMBERS), "unit.xlsx.members-invalid", membersText));
            }
            if (errors.total() == errorsBefore) {
                units.add(new UnitRow(code, name, members, number));
            }
        }
        if (units.isEmpty() && errors.isEmpty()) {
            errors.add(ImportError.of(Place.row(2), "unit.xlsx.no-units"));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        return units;
    }

    /** The whole number of members in range, or null. */
    private static Integer members(Row row, int column, DataFormatter formatter) {
        Optional<Double> number = Xlsx.number(row, column);
        long value;
        if (number.isPresent()) {
            double d = number.get();
            if (d != Math.rint(d) || d < 0 || d > UnitRow.MAX_MEMBERS) {
                return null;
            }
            value = (long) d;
        } else {
            String text = Xlsx.text(row, column, formatter);
            if (!WHOLE.matcher(text).matches() || text.length() > 12) {
                return null;
            }
            value = Long.parseLong(text.replaceAll("[.,\\s]", ""));
        }
        return value <= UnitRow.MAX_MEMBERS ? (int) value : null;
    }

    private static Place place(int row, String column) {
        return Place.cell(row, column);
    }
}
