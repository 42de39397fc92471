package org.examcert.candidate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.examcert.candidate.EligibilityRule.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityRuleTest {

    private final EligibilityRule youthUnion = EligibilityRule.youthUnion();

    @ParameterizedTest(name = "[{index}] {0}: born {1}, on {2} -> age {3}, {4}")
    @CsvSource(delimiter = '|', value = {
            "day before 16th birthday                    | 2009-03-26 | 2025-03-25 | 15 | TOO_YOUNG",
            "16th birthday                               | 2009-03-26 | 2025-03-26 | 16 | ELIGIBLE",
            "30 years old                                | 1995-01-01 | 2025-03-26 | 30 | ELIGIBLE",
            "40 years 364 days                           | 1984-03-26 | 2025-03-25 | 40 | ELIGIBLE",
            "41st birthday                               | 1984-03-26 | 2025-03-26 | 41 | TOO_OLD",
            "born today                                  | 2025-03-26 | 2025-03-26 | 0  | TOO_YOUNG",
            // born 29 Feb: in a leap year the birthday is 29 Feb itself
            "leap-day, 28 Feb before 16th                | 2008-02-29 | 2024-02-28 | 15 | TOO_YOUNG",
            "leap-day, 16th on 29 Feb                    | 2008-02-29 | 2024-02-29 | 16 | ELIGIBLE",
            // in a common year the year is completed on 1 March
            "leap-day, 28 Feb in common year before 41st | 1984-02-29 | 2025-02-28 | 40 | ELIGIBLE",
            "leap-day, 1 Mar in common year is 41st      | 1984-02-29 | 2025-03-01 | 41 | TOO_OLD",
            "leap-day, 40th on 29 Feb of a leap year     | 1984-02-29 | 2024-02-29 | 40 | ELIGIBLE",
            "leap year but not born 29 Feb               | 1983-03-01 | 2024-02-29 | 40 | ELIGIBLE",
    })
    void checksYouthUnionAge(String description, LocalDate birthDate, LocalDate onDate, int age, Verdict verdict) {
        assertEquals(age, youthUnion.ageOn(birthDate, onDate));
        assertEquals(verdict, youthUnion.check(birthDate, onDate));
    }

    @ParameterizedTest(name = "[{index}] {0}..{1} valid={2}")
    @CsvSource({
            "16,  40,  true",
            "1,   1,   true",
            "18,  120, true",
            "0,   40,  false",
            "-1,  40,  false",
            "41,  40,  false",
            "16,  121, false",
    })
    void validatesRange(int minAge, int maxAge, boolean valid) {
        if (valid) {
            assertDoesNotThrow(() -> new EligibilityRule(minAge, maxAge));
        } else {
            assertThrows(IllegalArgumentException.class, () -> new EligibilityRule(minAge, maxAge));
        }
    }

    @ParameterizedTest(name = "[{index}] born {0}, on {1}")
    @CsvSource({"2025-03-27, 2025-03-26"})
    void rejectsBirthAfterReferenceDate(LocalDate birthDate, LocalDate onDate) {
        assertThrows(IllegalArgumentException.class, () -> youthUnion.check(birthDate, onDate));
    }
}
