package org.examcert.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The generator reads a start's attempt id from the text of the answer, without parsing the paper. */
class PaperAttemptIdTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"paper\":{\"answeredCount\":0,\"attemptId\":39915,\"board\":\"SINH_VIEN\"},\"resumed\":false} | 39915",
            // a stem quoting the key is escaped, so it never reads as one
            "{\"paper\":{\"questions\":[{\"stem\":\"Ghi \\\"attemptId\\\":7 ở đâu?\"}],\"attemptId\":12},\"resumed\":true} | 12",
            "{\"paper\":{\"attemptId\":9223372036854775807}} | 9223372036854775807",
    })
    void readsThePapersAttemptId(String body, long attemptId) {
        assertEquals(attemptId, OpeningMinuteBenchmark.attemptId(body));
    }
}
