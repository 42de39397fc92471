package org.examcert.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswerKeptTest {

    @ParameterizedTest(name = "acknowledged option {0} seq {1}, stored option {2} seq {3} -> kept {4}")
    @CsvSource(nullValues = "null", value = {
            "2, 7, 2,    7,    true",   // exactly what was acknowledged
            "2, 7, 3,    7,    false",  // same seq, another option: the acknowledged answer was overwritten
            "2, 7, 3,    8,    true",   // a newer answer of the candidate replaced it
            "2, 7, null, 9,    true",   // a newer clear replaced it
            "2, 7, 2,    6,    false",  // the database is behind what was acknowledged: lost
            "2, 7, null, 0,    false",  // never saved
            "2, 7, null, null, false",  // no such question row
            "2, 7, null, 7,    false",  // same seq but no option stored
    })
    void keptOrLost(int option, long seq, Integer storedOption, Long storedSeq, boolean kept) {
        assertEquals(kept, AnswerKept.kept(option, seq, storedOption, storedSeq));
    }
}
