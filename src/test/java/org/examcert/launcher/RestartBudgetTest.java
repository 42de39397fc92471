package org.examcert.launcher;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RestartBudgetTest {

    private static final Instant T0 = Instant.parse("2026-03-26T08:00:00Z");

    /** Three restarts within ten minutes; deaths at the given minutes after T0. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', value = {
            "one crash;                         0;               true",
            "three crashes in a row;            0 1 2;           true true true",
            "a fourth within the window;        0 1 2 3;         true true true false",
            "the window moves on;               0 1 2 10;        true true true true",
            "exactly at the window's end;       0 1 2 10 10;     true true true true false",
            "spread over an hour;               0 15 30 45 60;   true true true true true",
            "refusals do not count;             0 1 2 3 4 11;    true true true false false true",
    })
    void allowsAFewRestartsWithinTheWindowAndNoMore(String description, String minutes, String expected) {
        RestartBudget budget = new RestartBudget(3, Duration.ofMinutes(10));
        List<Boolean> allowed = new ArrayList<>();
        for (String minute : minutes.trim().split("\\s+")) {
            allowed.add(budget.spend(T0.plus(Duration.ofMinutes(Long.parseLong(minute)))));
        }
        assertEquals(Arrays.stream(expected.trim().split("\\s+")).map(Boolean::parseBoolean).toList(), allowed);
    }
}
