package org.examcert.platform.files;

import org.examcert.platform.problem.Problem;
import org.examcert.platform.files.ImportError.Place;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CappedErrorsTest {

    @ParameterizedTest(name = "[{index}] capacity {0}, found at {1} -> listed {2}, total {3}")
    @CsvSource(delimiter = '|', value = {
            "3 | line 1,line 2                        | line 1,line 2          | 2",
            "3 | line 5,line 6,line 7,line 8,line 9   | line 5,line 6,line 7   | 5",
            // a question's own error comes after its options' errors but sits at its first line
            "3 | line 6,line 7,line 8,line 5          | line 5,line 6,line 7   | 4",
            "3 | line 9,line 8,line 7,line 6,line 5   | line 5,line 6,line 7   | 5",
            "2 | row 3,file,row 2, column Đáp án       | file,row 2             | 3",
            "2 | line 4,line 4,line 4                 | line 4,line 4          | 3",
            "1 | line 10,line 2                       | line 2                 | 2",
    })
    void keepsTheFirstErrorsInTheFilesOrderAndCountsAll(int capacity, String found, String listed, int total) {
        CappedErrors errors = new CappedErrors(capacity);
        for (String place : found.split(",(?! column)")) {
            errors.add(ImportError.of(place(place.strip()), "bank.gift.no-answers"));
        }
        assertEquals(Arrays.stream(listed.split(",")).map(String::strip).collect(Collectors.joining(",")),
                errors.listed().stream().map(e -> e.field().replace(", column Đáp án", "")).collect(Collectors.joining(",")));
        assertEquals(total, errors.total());
    }

    @ParameterizedTest(name = "[{index}] {0} errors -> {1} listed")
    @CsvSource({"1, 1", "100, 100", "101, 100", "3000000, 100"})
    void aRefusedImportListsAtMostAHundred(int count, int listed) {
        CappedErrors errors = new CappedErrors();
        for (int i = count; i >= 1; i--) {
            errors.add(ImportError.of(Place.line(i), "bank.gift.no-answers"));
        }
        ImportRejected rejected = new ImportRejected(errors);
        assertEquals(listed, rejected.errors().size());
        assertEquals("line 1", rejected.errors().get(0).field());
        Problem problem = rejected.toProblem("bank.import-invalid");
        assertEquals(count, problem.fieldErrorsTotal());
        assertEquals(count, problem.args().get(0));
        assertEquals("line 1", problem.fieldErrors().get(0).field());
    }

    /** The place a test row names, read as the tests write it: "line 5", "row 2", "row 2, column X", "file". */
    private static Place place(String written) {
        if (written.equals("file")) {
            return Place.FILE;
        }
        String[] parts = written.split(", column ");
        long number = Long.parseLong(parts[0].substring(parts[0].indexOf(' ') + 1));
        if (parts[0].startsWith("line ")) {
            return Place.line(number);
        }
        return parts.length == 2 ? Place.cell(number, parts[1]) : Place.row(number);
    }
}
