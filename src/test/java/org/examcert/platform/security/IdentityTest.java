package org.examcert.platform.security;

import org.examcert.platform.problem.Problem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdentityTest {

    private static Identity identity(String who) {
        return switch (who) {
            case "nobody" -> Identity.ANONYMOUS;
            case "ended" -> Identity.endedSession();
            default -> Identity.of(SessionToken.issue(Role.valueOf(who), 42, 1, Instant.parse("2026-12-01T06:00:00Z"),
                    Duration.ofHours(12)));
        };
    }

    @ParameterizedTest
    @CsvSource({
            // who calls -> what a candidate's operation answers (an id, or the problem's status and code)
            "CANDIDATE, 42, , ",
            "nobody, , 401, auth.required",
            "ended, , 401, auth.session-outdated",
            "ORGANIZER, , 403, auth.candidates-only"})
    void candidateOperationsAnswerOnlyACandidatesLiveSession(String who, Long id, Integer status, String code) {
        if (id != null) {
            assertEquals(id, identity(who).candidateId());
        } else {
            Problem problem = assertThrows(Problem.class, () -> identity(who).candidateId());
            assertEquals(status, problem.status());
            assertEquals(code, problem.code());
        }
    }

    @ParameterizedTest
    @CsvSource({
            // who calls, the role the operation needs -> the staff id, or the problem's status and code
            "ADMINISTRATOR, ADMINISTRATOR, 42, , ",
            "ADMINISTRATOR, ORGANIZER, 42, , ",
            "ORGANIZER, ADMINISTRATOR, , 403, auth.forbidden",
            "CANDIDATE, ORGANIZER, , 403, auth.forbidden",
            "nobody, ORGANIZER, , 401, auth.required",
            "ended, ORGANIZER, , 401, auth.session-outdated"})
    void staffOperationsAnswerStaffOfTheRoleOrAbove(String who, String minimum, Long id, Integer status, String code) {
        if (id != null) {
            assertEquals(id, identity(who).staffId(Role.valueOf(minimum)));
        } else {
            Problem problem = assertThrows(Problem.class, () -> identity(who).staffId(Role.valueOf(minimum)));
            assertEquals(status, problem.status());
            assertEquals(code, problem.code());
        }
    }
}
