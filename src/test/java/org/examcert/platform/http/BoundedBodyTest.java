package org.examcert.platform.http;

import org.examcert.platform.problem.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoundedBodyTest {

    @ParameterizedTest(name = "[{index}] {0} bytes, limit {1} -> refused={2}")
    @CsvSource({"0, 16, false", "16, 16, false", "17, 16, true", "100000, 16384, true", "16384, 16384, false"})
    void countsWhileReading(int size, long limit, boolean refused) {
        InputStream body = new BoundedBody(new ByteArrayInputStream(new byte[size]), limit);
        if (refused) {
            Problem p = assertThrows(Problem.class, body::readAllBytes);
            assertEquals(413, p.status());
            assertEquals("request.too-large", p.code());
        } else {
            assertDoesNotThrow(body::readAllBytes);
        }
    }

    @ParameterizedTest(name = "[{index}] Content-Length {0}, limit {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "        | 16    | ok",
            "16      | 16    | ok",
            "17      | 16    | 413 request.too-large",
            "2097152 | 16384 | 413 request.too-large",
            "abc     | 16    | 400 request.malformed",
    })
    void refusesADeclaredLengthOverTheLimitBeforeReading(String contentLength, long limit, String expected) {
        try {
            BoundedBody.checkDeclared(contentLength, limit);
            assertEquals("ok", expected);
        } catch (Problem p) {
            assertEquals(expected, p.status() + " " + p.code());
        }
    }

    @ParameterizedTest(name = "[{index}] limit {0} bytes -> {1} KiB in the message")
    @CsvSource({"16384, 16", "1048576, 1024", "100, 1"})
    void theMessageNamesTheLimit(long limit, long kib) throws IOException {
        assertEquals(kib, BoundedBody.tooLarge(limit).args().get(0));
    }
}
