package org.examcert.contest;

import org.examcert.platform.problem.Problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A contest's opening and closing times as an organizer sends them: ISO-8601 instants
 * ({@code 2026-03-01T00:00:00Z}) between the years 2000 and 2100, so that no typo (year 20226)
 * reaches the database or a candidate's countdown.
 */
public final class ContestDates {

    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Exclusive: the last accepted instant is the final second of 2099. */
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private ContestDates() {
    }

    /** The instant in {@code text}; 400 with a field error at {@code field} when missing, malformed or out of range. */
    public static Instant parse(String field, String text) {
        if (text == null) {
            throw invalid(field, "contest.instant-invalid");
        }
        Instant instant;
        try {
            instant = Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "contest.instant-invalid");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw invalid(field, "contest.instant-out-of-range");
        }
        return instant;
    }

    private static Problem invalid(String field, String code) {
        return Problem.invalid(List.of(Problem.FieldError.of(field, code, field)));
    }
}
