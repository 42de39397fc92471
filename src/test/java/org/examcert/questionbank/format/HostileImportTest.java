package org.examcert.questionbank.format;

import org.examcert.questionbank.Difficulty;
import org.examcert.platform.files.CappedErrors;
import org.examcert.platform.files.ImportRejected;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files of a few megabytes written to hurt (the security probe's "x" lines and their cousins): each
 * is refused in seconds, listing at most {@link CappedErrors#LISTED} errors and counting them all.
 */
class HostileImportTest {

    @ParameterizedTest(name = "[{index}] {0}: \"{1}\" × {2} -> {3} errors")
    @CsvSource(delimiter = '|', value = {
            // one endless question block, far over any question's length
            "gift  | x\\n        | 3500000 | 1",
            // millions of one-line questions without answers
            "gift  | x\\n\\n     | 3000000 | 3000000",
            // one stem of millions of lines
            "aiken | x\\n        | 3500000 | 2",
            // one question with millions of options A.
            "aiken | A. x\\n     | 2000000 | 2000005",
            "aiken | x\\nA. a\\nB. a\\nANSWER: A\\n\\n | 400000 | 799999",
            // every line unrecognized in a .bank file
            "bank  | x\\n        | 3500000 | 3500003",
            "bank  | - x\\n      | 2500000 | 2500003",
    })
    void isRefusedQuicklyWithABoundedList(String format, String unit, int times, int total) {
        String text = unit.replace("\\n", "\n").repeat(times);
        int[] listedAndTotal = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> refusal(format, text));
        assertTrue(listedAndTotal[0] <= CappedErrors.LISTED, listedAndTotal[0] + " listed");
        assertEquals(Math.min(total, CappedErrors.LISTED), listedAndTotal[0]);
        assertEquals(total, listedAndTotal[1]);
    }

    /** How many errors the refusal lists, and how many it counts. */
    private static int[] refusal(String format, String text) {
        if (format.equals("bank")) {
            ImportRejected e = assertThrows(ImportRejected.class, () -> BankFileParser.parse("b.bank", text));
            return new int[] {e.errors().size(), e.total()};
        }
        ImportRejected e = assertThrows(ImportRejected.class, () -> {
            if (format.equals("gift")) {
                GiftFormat.parse("b", "B", "Chung", Difficulty.MEDIUM, text);
            } else {
                AikenFormat.parse("b", "B", "Chung", Difficulty.MEDIUM, text);
            }
        });
        return new int[] {e.errors().size(), e.total()};
    }
}
