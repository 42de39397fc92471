package org.examcert.platform.files;

import org.examcert.platform.problem.Problem;

import java.util.List;
import java.util.Objects;

/**
 * One error of an imported file (question bank, units): where it is ({@code file}, when the file has
 * a name, and a {@link Place}) and what it is (a message key of messages.properties and its arguments).
 * Every importer reports with it, so nothing reads places back out of text.
 */
public record ImportError(String file, Place place, String code, List<Object> args) {

    public ImportError {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static ImportError of(Place place, String code, Object... args) {
        return new ImportError(null, place, code, List.of(args));
    }

    /** The same error in the named file. */
    public ImportError in(String fileName) {
        return new ImportError(fileName, place, code, args);
    }

    /** The place as the problem's field names it: {@code "line 12"}, {@code "row 7"}, {@code "row 7, column Đáp án đúng"} or {@code "file"}. */
    public String field() {
        return place.toString();
    }

    /** The error as a problem's field error (docs/console-api.md). */
    public Problem.FieldError toFieldError() {
        return new Problem.FieldError(field(), code, args);
    }

    /** For logs: {@code file:12: code [args]}, as compilers write it. */
    @Override
    public String toString() {
        String where = place.kind() == Place.Kind.LINE ? String.valueOf(place.number()) : place.toString();
        return (file == null ? "" : file + ":") + where + ": " + code + (args.isEmpty() ? "" : " " + args);
    }

    /** Where in a file: the whole file, a line of a text file, a row of a workbook or a cell (row and column header). */
    public record Place(Kind kind, long number, String column) {

        public static final Place FILE = new Place(Kind.FILE, 0, null);

        public enum Kind {
            FILE, LINE, ROW
        }

        public Place {
            Objects.requireNonNull(kind, "kind");
        }

        public static Place line(long number) {
            return new Place(Kind.LINE, number, null);
        }

        public static Place row(long number) {
            return new Place(Kind.ROW, number, null);
        }

        public static Place cell(long row, String column) {
            return new Place(Kind.ROW, row, column);
        }

        @Override
        public String toString() {
            return switch (kind) {
                case FILE -> "file";
                case LINE -> "line " + number;
                case ROW -> column == null ? "row " + number : "row " + number + ", column " + column;
            };
        }
    }
}
