package org.examcert.attempt.boundary;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which requests the start filter serves itself; every other one goes to JAX-RS, which answers it as before. */
class StartRequestsTest {

    @ParameterizedTest(name = "{0} → contest {1}")
    @CsvSource(nullValues = "none", value = {
            "/api/contests/12/attempts, 12",
            "/api/contests/abc/attempts, abc",           // served: refused 400 as JAX-RS refuses it
            "/api/contests/-1/attempts, -1",
            "/api/contests//attempts, none",
            "/api/contests/attempts, none",
            "/api/contests/12/attempts/, none",          // JAX-RS matches the slash too: left to it
            "/api/contests/12/attempts/5, none",
            "/api/contests/12/x/attempts, none",
            "/api/contests/12/result, none",
            "/api/contests, none",
            "/api/attempts/12/attempts, none",
    })
    void servesOnlyTheStartPath(String path, String contest) {
        assertEquals(contest, StartRequests.contest(path));
    }

    @ParameterizedTest(name = "Accept: {0} → {1}")
    @CsvSource(nullValues = "none", delimiter = '|', value = {
            "none | true",
            "application/json | true",
            "Application/JSON | true",
            "application/json, text/plain, */* | true",
            "*/* | true",
            "application/* | true",
            "text/html | false",
            "text/html, application/xhtml+xml | false",
            "application/json;q=0 | false",
            "application/json;q=0.5, text/html | false",     // weighed: left to JAX-RS's negotiation
            "application/problem+json | false",
    })
    void servesWhatSurelyTakesJson(String accept, boolean served) {
        assertEquals(served, StartRequests.acceptsJson(accept));
    }
}
