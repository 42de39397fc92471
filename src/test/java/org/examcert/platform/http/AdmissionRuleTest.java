package org.examcert.platform.http;

import org.examcert.platform.http.AdmissionRule.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdmissionRuleTest {

    private static Map<Kind, Integer> budgets(int start) {
        Map<Kind, Integer> permits = new EnumMap<>(Kind.class);
        permits.put(Kind.START, start);
        permits.put(Kind.SUBMIT, 8);
        permits.put(Kind.LOGIN, 4);
        permits.put(Kind.REGISTRATION, 4);
        permits.put(Kind.SAVE, 64);
        permits.put(Kind.QUEUED_SAVE, 8);
        permits.put(Kind.OTHER, 16);
        return permits;
    }

    private final AdmissionRule rule = new AdmissionRule(budgets(8), 2, 1500);

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
            "POST, /api/contests/12/attempts, START",
            "POST, api/contests/12/attempts, START",
            "GET, /api/contests/12/attempts, OTHER",
            "POST, /api/attempts/7/submit, SUBMIT",
            "PUT, /api/attempts/7/answers/3, SAVE",
            "PUT, /api/attempts/7/answers, QUEUED_SAVE",
            "PUT, /api/attempts/7/answers/3/x, OTHER",
            "GET, /api/attempts/7/answers, OTHER",
            "GET, /api/attempts/7, OTHER",
            "POST, /api/session, LOGIN",
            "DELETE, /api/session, OTHER",
            "POST, /api/console/session, LOGIN",
            "POST, /api/candidates, REGISTRATION",
            "GET, /api/contests, OTHER",
            "POST, /api/console/contests/3/publish, OTHER",
            "GET, /health, NONE",
            "GET, /app/main.js, NONE",
            "GET, /apis, NONE"})
    void requestsAreAdmittedByKind(String method, String path, Kind kind) {
        assertEquals(kind, AdmissionRule.classify(method, path));
    }

    @ParameterizedTest
    @CsvSource({
            // kind, permits, refused in the last second, service ms -> seconds
            "START, 8, 1, 50, 1",       // one refused, 160 starts/s: come back at once
            "START, 8, 160, 50, 1",     // a second's worth of starts
            "START, 8, 400, 50, 3",     // 400 refused at 160/s: 2.5 s, rounded up
            "START, 8, 5000, 50, 30",   // never more than 30 s
            "START, 2, 20, 500, 5",     // slow starts, tiny budget: 4/s for 20
            "START, 8, 0, 0, 1",        // no measurement yet
            "START, 8, 1000, 50, 7",
            "SAVE, 8, 1000, 50, 1",     // the same crowd of saves meets a larger budget (64)
            "QUEUED_SAVE, 8, 1000, 50, 7"})
    void retryAfterIsTheTimeThePermitsNeedForTheCrowd(Kind kind, int startPermits, long refused, double serviceMillis,
                                                      int seconds) {
        assertEquals(seconds, new AdmissionRule(budgets(startPermits), 2, 1500).retryAfterSeconds(kind, refused, serviceMillis));
    }

    @ParameterizedTest
    @CsvSource({"0, 2, 50", "-1, 2, 50", "8, 2, 5001", "8, 2, -1", "8, -1, 50", "8, 9, 50"})
    void budgetsQueuesAndWaitsOutOfRangeAreRefusedAtStartUp(int startPermits, int queuePerPermit, int waitMillis) {
        assertThrows(IllegalArgumentException.class, () -> new AdmissionRule(budgets(startPermits), queuePerPermit, waitMillis));
    }

    @ParameterizedTest
    @CsvSource({
            // kind, queued per permit, already waiting -> may queue
            "START, 2, 0, true",
            "START, 2, 15, true",      // 8 permits × 2 = 16 places
            "START, 2, 16, false",     // full: refused at once, not after a wait
            "SAVE, 2, 127, true",      // saves queue behind their own 64 permits
            "SAVE, 2, 128, false",
            "QUEUED_SAVE, 2, 15, true",
            "QUEUED_SAVE, 2, 16, false",
            "START, 0, 0, false"})     // no queue: a request without a free permit is refused at once
    void aRequestQueuesOnlyWhileItsKindsQueueHasRoom(Kind kind, int queuePerPermit, int waiting, boolean mayQueue) {
        assertEquals(mayQueue, new AdmissionRule(budgets(8), queuePerPermit, 1500).mayQueue(kind, waiting));
    }

    @ParameterizedTest
    @CsvSource({"START, start", "QUEUED_SAVE, queued-save", "REGISTRATION, registration"})
    void eachKindsBudgetHasItsKey(Kind kind, String key) {
        assertEquals(key, kind.key());
    }

    @ParameterizedTest
    @CsvSource({"START, 8", "SAVE, 64", "QUEUED_SAVE, 8", "LOGIN, 4"})
    void eachKindHasItsOwnBudget(Kind kind, int permits) {
        assertEquals(permits, rule.permits(kind));
    }
}
