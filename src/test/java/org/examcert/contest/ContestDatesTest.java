package org.examcert.contest;

import org.examcert.platform.problem.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContestDatesTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "2026-03-01T00:00:00Z          | 2026-03-01T00:00:00Z",
            " 2026-03-01T07:00:00Z         | 2026-03-01T07:00:00Z",
            "2000-01-01T00:00:00Z          | 2000-01-01T00:00:00Z",
            "2099-12-31T23:59:59Z          | 2099-12-31T23:59:59Z",
            "2100-01-01T00:00:00Z          | contest.instant-out-of-range",
            "1999-12-31T23:59:59Z          | contest.instant-out-of-range",
            "+1000000000-01-01T00:00:00Z   | contest.instant-out-of-range",
            "20226-03-01T00:00:00Z         | contest.instant-invalid",
            "2026-03-01                    | contest.instant-invalid",
            "NULL                          | contest.instant-invalid",
    })
    void acceptsInstantsFrom2000To2099(String text, String expected) {
        try {
            Instant parsed = ContestDates.parse("opensAt", text);
            assertEquals(Instant.parse(expected), parsed);
        } catch (Problem p) {
            assertEquals(400, p.status());
            assertEquals("opensAt", p.fieldErrors().get(0).field());
            assertEquals(expected, p.fieldErrors().get(0).code());
        }
    }
}
