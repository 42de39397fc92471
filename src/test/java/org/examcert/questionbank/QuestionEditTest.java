package org.examcert.questionbank;

import org.examcert.platform.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuestionEditTest {

    private static QuestionEdit edit(String topic, String difficulty, String stem, String options, Integer correct) {
        return new QuestionEdit(topic, difficulty, stem, options == null ? null : Arrays.asList(options.split(";", -1)), correct, " ", null);
    }

    @Test
    void aGoodEditBecomesBankContentInNfc() {
        String decomposed = Normalizer.normalize("Đoàn được thành lập năm nào?", Normalizer.Form.NFD);
        BankFile.Question q = edit(" Lịch sử Đoàn ", "HARD", decomposed, "1930;1931; 1945 ", 2).validate("q-1");
        assertEquals("Lịch sử Đoàn", q.topic());
        assertEquals(Difficulty.HARD, q.difficulty());
        assertEquals("Đoàn được thành lập năm nào?", q.stem());
        assertEquals(List.of("1930", "1931", "1945"), q.options());
        assertEquals(2, q.correctOption());
        assertNull(q.explanation(), "a blank explanation is none");
    }

    /** Each broken edit names exactly the fields at fault. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "no topic              |      |easy  |Câu?|A;B    |1 |topic",
            "unknown difficulty    |Chung |rất khó|Câu?|A;B   |1 |difficulty",
            "no stem               |Chung |easy  |    |A;B    |1 |stem",
            "one option            |Chung |easy  |Câu?|A      |1 |options",
            "seven options         |Chung |easy  |Câu?|1;2;3;4;5;6;7|1|options",
            "an empty option       |Chung |easy  |Câu?|A;;C   |1 |options",
            "repeated options      |Chung |easy  |Câu?|A;A    |1 |options",
            "correct out of range  |Chung |easy  |Câu?|A;B    |3 |correctOption",
            "no correct option     |Chung |easy  |Câu?|A;B    |-  |correctOption",
            "everything wrong      |      |x     |    |-      |0 |topic,difficulty,stem,options,correctOption",
    })
    void brokenEditsNameTheirFields(String name, String topic, String difficulty, String stem, String options, Integer correct,
                                    String fields) {
        Problem refused = assertThrows(Problem.class, () -> edit(topic, difficulty, stem, options, correct).validate("q-1"));
        assertEquals(400, refused.status());
        assertEquals(List.of(fields.split(",")), refused.fieldErrors().stream().map(Problem.FieldError::field).toList());
    }
}
