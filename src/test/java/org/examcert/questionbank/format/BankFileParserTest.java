package org.examcert.questionbank.format;

import org.examcert.platform.files.ImportRejected;

import org.examcert.questionbank.BankFile;
import org.examcert.questionbank.Difficulty;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BankFileParserTest {

    private static final String VALID = """
            # Sample bank used by the tests.
            bank: sample
            title: Ngân hàng mẫu
            description: Dùng cho kiểm thử.

            @ q-001
            topic: Lịch sử Đảng
            difficulty: easy
            Q: Đảng Cộng sản Việt Nam được thành lập vào năm nào?
            - 1925
            * 1930
            - 1941
            - 1945
            explanation: Ngày 3/2/1930 được lấy làm ngày thành lập Đảng.
            source: Lịch sử Đảng Cộng sản Việt Nam, NXB Chính trị quốc gia Sự thật.

              # an indented comment, then a question without explanation or source
            @ q-002
            topic: Đoàn Thanh niên
            difficulty: hard
            Q: Đoàn TNCS Hồ Chí Minh được thành lập năm 1931?
            *   Đúng
            - Sai
            """;

    /** Lines 1-9 of a valid one-question bank; cases append or alter lines after it. */
    private static final String HEADER = """
            bank: sample
            title: Mẫu
            """;

    @Test
    void parsesAValidBank() {
        BankFile bank = BankFileParser.parse("sample.bank", VALID);
        assertEquals("sample", bank.code());
        assertEquals("Ngân hàng mẫu", bank.title());
        assertEquals("Dùng cho kiểm thử.", bank.description());
        assertEquals(2, bank.questions().size());

        BankFile.Question first = bank.questions().get(0);
        assertAll(
                () -> assertEquals("q-001", first.id()),
                () -> assertEquals("Lịch sử Đảng", first.topic()),
                () -> assertEquals(Difficulty.EASY, first.difficulty()),
                () -> assertEquals("Đảng Cộng sản Việt Nam được thành lập vào năm nào?", first.stem()),
                () -> assertEquals(List.of("1925", "1930", "1941", "1945"), first.options()),
                () -> assertEquals(2, first.correctOption()),
                () -> assertEquals("Ngày 3/2/1930 được lấy làm ngày thành lập Đảng.", first.explanation()),
                () -> assertEquals("Lịch sử Đảng Cộng sản Việt Nam, NXB Chính trị quốc gia Sự thật.", first.source()),
                () -> assertEquals(6, first.line()));

        BankFile.Question second = bank.questions().get(1);
        assertAll(
                () -> assertEquals("q-002", second.id()),
                () -> assertEquals(Difficulty.HARD, second.difficulty()),
                () -> assertEquals(List.of("Đúng", "Sai"), second.options()),
                () -> assertEquals(1, second.correctOption()),
                () -> assertNull(second.explanation()),
                () -> assertNull(second.source()),
                () -> assertEquals(18, second.line()));
    }

    @Test
    void descriptionIsOptionalAndCrLfAndBomAreAccepted() {
        String text = "\uFEFFbank: sample\r\ntitle: Mẫu\r\n@ q-1\r\ntopic: T\r\ndifficulty: medium\r\nQ: S?\r\n- a\r\n* b\r\n";
        BankFile bank = BankFileParser.parse("sample.bank", text);
        assertNull(bank.description());
        assertEquals(Difficulty.MEDIUM, bank.questions().get(0).difficulty());
        assertEquals(3, bank.questions().get(0).line());
    }

    @Test
    void codeIsComparedWithTheFileNameWithoutItsFolder() {
        BankFile bank = BankFileParser.parse("question-banks/sample.bank", VALID);
        assertEquals("sample", bank.code());
    }

    static Stream<Arguments> invalidBanks() {
        String question = """
                @ q-001
                topic: T
                difficulty: easy
                Q: Stem?
                - A
                * B
                """;
        String valid = HEADER + question; // the question starts on line 3
        return Stream.of(
                Arguments.of("code differs from file name", valid.replace("bank: sample", "bank: other"),
                        "sample.bank:1: ", "must equal the file name without '.bank', i.e. 'sample'"),
                Arguments.of("code with capitals", valid.replace("bank: sample", "bank: Sample"),
                        "sample.bank:1: ", "may contain only lower-case letters, digits and '-'"),
                Arguments.of("empty bank code", valid.replace("bank: sample", "bank:"),
                        "sample.bank:1: ", "'bank:' has no text; fill it in"),
                Arguments.of("no bank line", valid.replace("bank: sample\n", "# no code\n"),
                        "sample.bank:1: ", "needs a 'bank: <code>' line"),
                Arguments.of("no title line", valid.replace("title: Mẫu\n", "\n"),
                        "sample.bank:1: ", "needs a 'title: <title>' line"),
                Arguments.of("title twice", HEADER + "title: Again\n" + question,
                        "sample.bank:3: ", "'title:' appears again (first on line 2)"),
                Arguments.of("unknown header key", HEADER + "author: Ban Tuyên giáo\n" + question,
                        "sample.bank:3: ", "unknown key 'author:'"),
                Arguments.of("unrecognized header line", HEADER + "Câu hỏi về Đoàn\n" + question,
                        "sample.bank:3: ", "unrecognized line; expected 'bank:', 'title:'"),
                Arguments.of("question key in header", HEADER + "topic: T\n" + question,
                        "sample.bank:3: ", "'topic:' must follow a question line '@ <id>'"),
                Arguments.of("option in header", HEADER + "- A\n" + question,
                        "sample.bank:3: ", "an option must follow a question line '@ <id>'"),
                Arguments.of("header key after a question", valid + "description: late\n",
                        "sample.bank:9: ", "'description:' belongs in the header, before the first question"),
                Arguments.of("id with capitals", valid.replace("@ q-001", "@ Q_001"),
                        "sample.bank:3: ", "question id 'Q_001' may contain only lower-case letters, digits and '-'"),
                Arguments.of("id missing", valid.replace("@ q-001", "@"),
                        "sample.bank:3: ", "a question line needs an id after '@'"),
                Arguments.of("duplicate id", valid + question,
                        "sample.bank:9: ", "question id 'q-001' is already used on line 3"),
                Arguments.of("no topic", valid.replace("topic: T\n", ""),
                        "sample.bank:3: ", "question 'q-001' has no 'topic:' line"),
                Arguments.of("no difficulty", valid.replace("difficulty: easy\n", ""),
                        "sample.bank:3: ", "question 'q-001' has no 'difficulty:' line"),
                Arguments.of("no stem", valid.replace("Q: Stem?\n", ""),
                        "sample.bank:3: ", "question 'q-001' has no 'Q:' line"),
                Arguments.of("bad difficulty", valid.replace("difficulty: easy", "difficulty: Easy"),
                        "sample.bank:5: ", "difficulty must be easy, medium or hard, got 'Easy'"),
                Arguments.of("topic twice", valid.replace("topic: T\n", "topic: T\ntopic: T2\n"),
                        "sample.bank:5: ", "'topic:' appears again (first on line 4)"),
                Arguments.of("empty topic", valid.replace("topic: T", "topic:   "),
                        "sample.bank:4: ", "'topic:' has no text"),
                Arguments.of("one option", valid.replace("- A\n", ""),
                        "sample.bank:3: ", "a question needs 2 to 6 options ('- ' wrong, '* ' correct), found 1"),
                Arguments.of("seven options", valid + "- C\n- D\n- E\n- F\n- G\n",
                        "sample.bank:3: ", "a question needs 2 to 6 options ('- ' wrong, '* ' correct), found 7"),
                Arguments.of("two correct", valid.replace("- A", "* A"),
                        "sample.bank:3: ", "a question needs exactly one correct option ('* '), found 2"),
                Arguments.of("no correct", valid.replace("* B", "- B"),
                        "sample.bank:3: ", "a question needs exactly one correct option ('* '), found 0"),
                Arguments.of("duplicate option", valid + "- A\n",
                        "sample.bank:9: ", "option 'A' repeats the option on line 7"),
                Arguments.of("duplicate option after NFC and trim",
                        valid.replace("- A", "- " + nfd("Việt Nam") + "   ").replace("* B", "* Việt Nam"),
                        "sample.bank:8: ", "option 'Việt Nam' repeats the option on line 7"),
                Arguments.of("option without a space", valid.replace("- A", "-A"),
                        "sample.bank:7: ", "with a space after '-'"),
                Arguments.of("empty option", valid + "-\n",
                        "sample.bank:9: ", "option '-' has no text"),
                Arguments.of("empty difficulty", valid.replace("difficulty: easy", "difficulty:"),
                        "sample.bank:5: ", "'difficulty:' has no text; fill it in"),
                Arguments.of("unknown key in a question", valid + "answer: B\n",
                        "sample.bank:9: ", "unknown key 'answer:'; expected 'topic:', 'difficulty:', 'Q:'"),
                Arguments.of("lower-case stem key", valid.replace("Q: Stem?", "q: Stem?"),
                        "sample.bank:6: ", "write 'Q:' exactly, not 'q:'"),
                Arguments.of("capitalized key", valid.replace("topic: T", "Topic: T"),
                        "sample.bank:4: ", "write 'topic:' exactly, not 'Topic:'"),
                Arguments.of("unrecognized line in a question", valid + "Xem thêm giáo trình\n",
                        "sample.bank:9: ", "unrecognized line; expected 'topic:', 'difficulty:', 'Q:'"),
                Arguments.of("no questions", HEADER,
                        "sample.bank:1: ", "the bank has no questions"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidBanks")
    void reportsTheErrorWithFileAndLine(String description, String text, String prefix, String fragment) {
        ImportRejected e = assertThrows(ImportRejected.class, () -> BankFileParser.parse("sample.bank", text));
        assertEquals(1, e.errors().size(), () -> "expected one error, got " + e.errors());
        String error = e.errors().get(0).toString();
        assertTrue(error.startsWith(prefix), () -> "expected prefix '" + prefix + "' in: " + error);
        assertTrue(error.contains(fragment), () -> "expected '" + fragment + "' in: " + error);
    }

    @Test
    void collectsAllErrorsInLineOrder() {
        String text = """
                bank: wrong-name
                title: Mẫu

                @ q-001
                topic: T
                difficulty: normal
                Q: Stem?
                - A
                - A

                @ q-001
                topic: T
                difficulty: easy
                Q: Stem?
                * A
                * B
                - C
                whatever
                """;
        ImportRejected e = assertThrows(ImportRejected.class, () -> BankFileParser.parse("sample.bank", text));
        List<String> prefixes = new ArrayList<>();
        for (String error : e.errors().stream().map(Object::toString).toList()) {
            prefixes.add(error.substring(0, error.indexOf(": ") + 2));
        }
        assertEquals(List.of(
                "sample.bank:1: ",   // code differs from file name
                "sample.bank:4: ",   // no correct option
                "sample.bank:6: ",   // difficulty 'normal'
                "sample.bank:9: ",   // duplicate option
                "sample.bank:11: ",  // duplicate id
                "sample.bank:11: ",  // two correct options
                "sample.bank:18: "), // unrecognized line
                prefixes, () -> e.getMessage());
        assertTrue(e.getMessage().contains("7 errors"), e.getMessage());
    }

    @Test
    void normalizesToNfc() {
        String composed = "Đoàn Thanh niên Việt Nam";
        String decomposed = nfd(composed);
        assertNotEquals(composed, decomposed);
        String text = HEADER.replace("title: Mẫu", "title: " + nfd("Mẫu") + " \t") + """
                @ q-001
                topic: %s
                difficulty: easy
                Q: %s?
                - %s
                * Hội Liên hiệp Thanh niên Việt Nam
                """.formatted(decomposed, decomposed, decomposed);
        BankFile bank = BankFileParser.parse("sample.bank", text);
        BankFile.Question q = bank.questions().get(0);
        assertEquals("Mẫu", bank.title());
        assertEquals(composed, q.topic());
        assertEquals(composed + "?", q.stem());
        assertEquals(composed, q.options().get(0));
    }

    @Test
    void fingerprintIsStableAndIgnoresIdAndPosition() {
        BankFile.Question q = BankFileParser.parse("sample.bank", VALID).questions().get(0);
        String fingerprint = BankFileParser.fingerprint(q);
        assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
        assertEquals(fingerprint, BankFileParser.fingerprint(BankFileParser.parse("sample.bank", VALID).questions().get(0)));

        String moved = VALID.replace("@ q-001", "\n\n@ q-009").replace("Q: Đảng", "Q:   " + nfd("Đảng"));
        BankFile.Question same = BankFileParser.parse("sample.bank", moved).questions().get(0);
        assertEquals(fingerprint, BankFileParser.fingerprint(same));
    }

    static Stream<Arguments> contentChanges() {
        return Stream.of(
                Arguments.of("an option changes", "- 1941", "- 1940"),
                Arguments.of("options are reordered", "- 1925\n* 1930", "* 1930\n- 1925"),
                Arguments.of("the correct option changes", "- 1925\n* 1930", "* 1925\n- 1930"),
                Arguments.of("the stem changes", "vào năm nào?", "năm nào?"),
                Arguments.of("the topic changes", "topic: Lịch sử Đảng", "topic: Lịch sử"),
                Arguments.of("the difficulty changes", "difficulty: easy", "difficulty: medium"),
                Arguments.of("the explanation changes", "thành lập Đảng.", "thành lập Đảng"),
                Arguments.of("the source is removed", "source: Lịch sử Đảng Cộng sản Việt Nam, NXB Chính trị quốc gia Sự thật.\n", ""));
    }

    @ParameterizedTest(name = "[{index}] fingerprint changes when {0}")
    @MethodSource("contentChanges")
    void fingerprintChangesWithContent(String description, String from, String to) {
        assertTrue(VALID.contains(from), "test setup: " + from);
        BankFile.Question before = BankFileParser.parse("sample.bank", VALID).questions().get(0);
        BankFile.Question after = BankFileParser.parse("sample.bank", VALID.replace(from, to)).questions().get(0);
        assertNotEquals(BankFileParser.fingerprint(before), BankFileParser.fingerprint(after));
    }

    /** The example in question-banks/README.md, the format's specification, is itself a valid bank. */
    @Test
    void readmeExampleParses() throws IOException {
        String readme = Files.readString(Path.of("question-banks", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```\n") + 4;
        String example = readme.substring(start, readme.indexOf("```", start));
        BankFile bank = BankFileParser.parse("lich-su-dang.bank", example);
        assertEquals("lich-su-dang", bank.code());
        assertEquals(List.of("lsd-001"), bank.questions().stream().map(BankFile.Question::id).toList());
        assertEquals("1930", bank.questions().get(0).options().get(bank.questions().get(0).correctOption() - 1));
    }

    static Stream<Path> shippedBankFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("question-banks"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bank")).sorted().toList().stream();
        }
    }

    /** Every bank shipped in question-banks/ parses without error (no files skipped; none found fails). */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("shippedBankFiles")
    void shippedBankParses(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        BankFile bank = BankFileParser.parse(fileName, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(fileName, bank.code() + ".bank");
        assertTrue(!bank.questions().isEmpty(), fileName + " has no questions");
    }

    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }
}
