package org.examcert.candidate;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One unit (đơn vị) as imported from a workbook: the organization candidates belong to.
 *
 * @param code short stable code, {@code [A-Za-z0-9_-]{1,40}}
 * @param name the unit's name, 1 to 300 characters
 * @param expectedMembers how many members (đoàn viên) the unit has, 0 to 1,000,000; participation rates are counted against it
 * @param row the workbook row it came from (1-based, as Excel shows it)
 */
public record UnitRow(String code, String name, int expectedMembers, int row) {

    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    public static final int MAX_CODE = 40;
    public static final int MAX_NAME = 300;
    public static final int MAX_MEMBERS = 1_000_000;

    public UnitRow {
        Objects.requireNonNull(code, "code is required");
        Objects.requireNonNull(name, "name is required");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("unit code must match " + CODE + ", got '" + code + "'");
        }
        if (name.isBlank() || name.length() > MAX_NAME || !name.equals(name.strip())) {
            throw new IllegalArgumentException("unit name must be 1 to " + MAX_NAME
                    + " characters without surrounding spaces, got '" + name + "'");
        }
        if (expectedMembers < 0 || expectedMembers > MAX_MEMBERS) {
            throw new IllegalArgumentException("expected members must be 0 to " + MAX_MEMBERS + ", got "
                    + expectedMembers);
        }
        if (row < 1) {
            throw new IllegalArgumentException("row must be >= 1, got " + row);
        }
    }
}
