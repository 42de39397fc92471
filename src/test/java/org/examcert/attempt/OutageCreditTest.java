package org.examcert.attempt;

import org.examcert.platform.database.DatabaseOutage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutageCreditTest {

    private static final DatabaseOutage TEN_TO_TEN_FIVE =
            new DatabaseOutage(Instant.parse("2026-03-26T10:00:00Z"), Instant.parse("2026-03-26T10:05:00Z"));

    @ParameterizedTest(name = "[{index}] {0}: started {1}, due {2} -> {3}")
    @CsvSource({
            "ran through the whole outage,     2026-03-26T09:30:00Z, 2026-03-26T10:30:00Z, PT5M",
            "deadline fell inside the outage,  2026-03-26T09:30:00Z, 2026-03-26T10:02:00Z, PT5M",
            "started during the outage,        2026-03-26T10:03:00Z, 2026-03-26T10:33:00Z, PT2M",
            "started right as it ended,        2026-03-26T10:05:00Z, 2026-03-26T10:35:00Z, PT0S",
            "started after it,                 2026-03-26T10:06:00Z, 2026-03-26T10:36:00Z, PT0S",
            "due exactly as it began,          2026-03-26T09:30:00Z, 2026-03-26T10:00:00Z, PT0S",
            "due before it,                    2026-03-26T09:00:00Z, 2026-03-26T09:30:00Z, PT0S",
            "due 1 ms into it,                 2026-03-26T09:30:00Z, 2026-03-26T10:00:00.001Z, PT5M",
    })
    void givesBackTheTimeFromTheLaterStartToTheOutagesEnd(String description, Instant startedAt, Instant deadline,
                                                          Duration expected) {
        assertEquals(expected, OutageCredit.credit(startedAt, deadline, TEN_TO_TEN_FIVE));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', value = {
            "nothing recorded;                 ;                                    10:00:00-10:05:00",
            "the same outage recorded;         10:00:00-10:05:00;                   ''",
            "another instance saw it 1 s late; 10:00:01-10:05:01;                   ''",
            "another instance saw it 5 s late; 10:00:05-10:05:05;                   10:00:00-10:00:05",
            "recorded inside it;               10:01:00-10:02:00;                   10:00:00-10:01:00 10:02:00-10:05:00",
            "two recorded pieces;              10:00:00-10:01:00 10:03:00-10:04:00; 10:01:00-10:03:00 10:04:00-10:05:00",
            "an unrelated earlier outage;      09:00:00-09:10:00;                   10:00:00-10:05:00",
            "covered by a longer one;          09:59:00-10:06:00;                   ''",
    })
    void creditsOnlyWhatNoInstanceHasCreditedYet(String description, String recorded, String expected) {
        assertEquals(spans(expected), OutageCredit.notYetCredited(TEN_TO_TEN_FIVE, spans(recorded)));
    }

    private static List<DatabaseOutage> spans(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.trim().split("\\s+")).map(span -> {
            String[] ends = span.split("-");
            return new DatabaseOutage(Instant.parse("2026-03-26T" + ends[0] + "Z"), Instant.parse("2026-03-26T" + ends[1] + "Z"));
        }).toList();
    }
}
