package org.examcert.questionbank.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.examcert.platform.files.CappedErrors;
import org.examcert.platform.files.ImportError;
import org.examcert.platform.files.ImportError.Place;
import org.examcert.platform.files.ImportRejected;
import org.examcert.questionbank.BankFile;
import org.examcert.questionbank.Difficulty;
import org.examcert.questionbank.ImportText;

/**
 * Parses the line-oriented {@code .bank} format described in {@code question-banks/README.md}.
 * All text is normalized to Unicode NFC and trimmed, so text typed on any Vietnamese keyboard
 * compares equal. The whole file is validated and every error is reported at once, each as
 * {@code fileName:line: message}, so an author can fix a file in one pass.
 * Its length (about 360 lines) is the format's grammar and an error message for each way a file can
 * break it.
 */
public final class BankFileParser {

    private static final Pattern CODE = Pattern.compile("[a-z0-9-]+");
    private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z]+):(.*)");
    private static final String BANK_SUFFIX = ".bank";

    private static final String BANK = "bank";
    private static final String TITLE = "title";
    private static final String DESCRIPTION = "description";
    private static final String TOPIC = "topic";
    private static final String DIFFICULTY = "difficulty";
    private static final String STEM = "Q";
    private static final String EXPLANATION = "explanation";
    private static final String SOURCE = "source";

    private static final List<String> HEADER_KEYS = List.of(BANK, TITLE, DESCRIPTION);
    private static final List<String> QUESTION_KEYS = List.of(TOPIC, DIFFICULTY, STEM, EXPLANATION, SOURCE);
    private static final List<String> REQUIRED_QUESTION_KEYS = List.of(TOPIC, DIFFICULTY, STEM);

    private static final String HEADER_EXPECTED =
            "expected 'bank:', 'title:', 'description:', a comment '#', or a question '@ <id>'";
    private static final String QUESTION_EXPECTED = "expected 'topic:', 'difficulty:', 'Q:', '- ' (wrong option), "
            + "'* ' (correct option), 'explanation:', 'source:', a comment '#', or the next question '@ <id>'";

    private BankFileParser() {
    }

    /**
     * Parses and validates a whole bank file.
     *
     * @param fileName the file's name, e.g. {@code can-bo-doan.bank}; used in error messages and
     *     compared with the {@code bank:} code
     * @throws ImportRejected listing every error found, each at its line with {@code bank.file-error} and the message
     */
    public static BankFile parse(String fileName, String text) {
        Objects.requireNonNull(fileName, "fileName is required");
        Objects.requireNonNull(text, "text is required");
        return new Run(fileName, text).parse();
    }

    /**
     * SHA-256 (lower-case hex) of a question's normalized content: topic, difficulty, stem, options
     * in order, correct option, explanation and source. The id and line are left out, so the
     * fingerprint tells whether a re-imported question changed, not where it sits in the file.
     */
    public static String fingerprint(BankFile.Question q) {
        Objects.requireNonNull(q, "question is required");
        StringBuilder content = new StringBuilder("examcert-question-v1\n");
        field(content, TOPIC, q.topic());
        field(content, DIFFICULTY, q.difficulty().bankValue());
        field(content, STEM, q.stem());
        for (String option : q.options()) {
            field(content, "option", option);
        }
        field(content, "correct", Integer.toString(q.correctOption()));
        field(content, EXPLANATION, q.explanation());
        field(content, SOURCE, q.source());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    // Length-prefixed so that no choice of text can make two different questions encode alike.
    private static void field(StringBuilder content, String name, String value) {
        content.append(name).append('=');
        if (value == null) {
            content.append("null\n");
        } else {
            String normalized = ImportText.clean(value);
            content.append(normalized.length()).append(':').append(normalized).append('\n');
        }
    }

    private record Value(String text, int line) {
    }

    private record Option(String text, boolean correct, int line) {
    }

    /** A question being read, validated when its block ends. */
    private static final class Draft {
        final String id;
        final int line;
        /** Errors recorded before this question began; any more mean the question is not built. */
        final int errorsBefore;
        final Map<String, Value> keys = new HashMap<>();
        final List<Option> options = new ArrayList<>();
        /** Options beyond the most a question may have plus one, only counted. */
        int extraOptions;

        Draft(String id, int line, int errorsBefore) {
            this.id = id;
            this.line = line;
            this.errorsBefore = errorsBefore;
        }
    }

    /** State of one parse. */
    private static final class Run {
        private final String fileName;
        private final String text;
        // the first errors by line, each at "line N" carrying the message; every one counted
        private final CappedErrors errors = new CappedErrors();
        private final Map<String, Value> header = new LinkedHashMap<>();
        private final Map<String, Integer> idLines = new HashMap<>();
        private final List<BankFile.Question> questions = new ArrayList<>();
        private Draft draft;
        private boolean sawQuestion;

        Run(String fileName, String text) {
            this.fileName = fileName;
            this.text = text;
        }

        BankFile parse() {
            java.util.Iterator<String> lines = ImportText.lines(text);
            for (int i = 0; lines.hasNext(); i++) {
                readLine(lines.next().strip(), i + 1);
            }
            finishQuestion();
            checkHeader();
            if (!errors.isEmpty()) {
                throw new ImportRejected(fileName, errors);
            }
            Value description = header.get(DESCRIPTION);
            return new BankFile(header.get(BANK).text(), header.get(TITLE).text(),
                    description == null ? null : description.text(), questions);
        }

        private void readLine(String line, int number) {
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            char first = line.charAt(0);
            if (first == '@') {
                startQuestion(line.substring(1).strip(), number);
            } else if (first == '-' || first == '*') {
                readOption(line, first == '*', number);
            } else {
                Matcher key = KEY_LINE.matcher(line);
                if (key.matches()) {
                    readKey(key.group(1), key.group(2).strip(), number);
                } else {
                    error(number, "unrecognized line; " + (draft == null ? HEADER_EXPECTED : QUESTION_EXPECTED));
                }
            }
        }

        private void startQuestion(String id, int number) {
            finishQuestion();
            sawQuestion = true;
            int errorsBefore = errors.total();
            if (id.isEmpty()) {
                error(number, "a question line needs an id after '@', e.g. '@ lsd-001'");
            } else if (!CODE.matcher(id).matches()) {
                error(number, "question id '" + id + "' may contain only lower-case letters, digits and '-'");
            } else {
                Integer firstLine = idLines.putIfAbsent(id, number);
                if (firstLine != null) {
                    error(number, "question id '" + id + "' is already used on line " + firstLine
                            + "; ids must be unique within the bank and never reused");
                }
            }
            draft = new Draft(id, number, errorsBefore);
        }

        private void readOption(String line, boolean correct, int number) {
            char marker = line.charAt(0);
            if (draft == null) {
                error(number, "an option must follow a question line '@ <id>'");
                return;
            }
            if (line.length() > 1 && !Character.isWhitespace(line.charAt(1))) {
                error(number, "write an option as '- text' (wrong) or '* text' (correct), with a space after '"
                        + marker + "'");
            }
            String option = line.substring(1).strip();
            if (option.isEmpty()) {
                // Still counted, so the author is not also told the question has too few options.
                error(number, "option '" + marker + "' has no text");
            }
            if (draft.options.size() > BankFile.Question.MAX_OPTIONS) {
                // already too many: counted for the question's error, not kept or compared
                draft.extraOptions++;
                return;
            }
            draft.options.add(new Option(option, correct, number));
        }

        private void readKey(String written, String value, int number) {
            String key = canonicalKey(written);
            if (key == null) {
                error(number, "unknown key '" + written + ":'; " + (draft == null ? HEADER_EXPECTED : QUESTION_EXPECTED));
                return;
            }
            if (!key.equals(written)) {
                // Still read the line as that key, so the author is not also told the key is missing.
                error(number, "write '" + key + ":' exactly, not '" + written + ":'");
            }
            boolean headerKey = HEADER_KEYS.contains(key);
            if (headerKey && sawQuestion) {
                error(number, "'" + key + ":' belongs in the header, before the first question");
                return;
            }
            if (!headerKey && draft == null) {
                error(number, "'" + key + ":' must follow a question line '@ <id>'");
                return;
            }
            if (value.isEmpty()) {
                error(number, "'" + key + ":' has no text; fill it in"
                        + (key.equals(DESCRIPTION) || key.equals(EXPLANATION) || key.equals(SOURCE)
                                ? " or remove the line" : ""));
            }
            Map<String, Value> target = headerKey ? header : draft.keys;
            Value previous = target.putIfAbsent(key, new Value(value, number));
            if (previous != null) {
                error(number, "'" + key + ":' appears again (first on line " + previous.line()
                        + "); keep only one");
            }
        }

        private static String canonicalKey(String written) {
            for (List<String> keys : List.of(HEADER_KEYS, QUESTION_KEYS)) {
                for (String key : keys) {
                    if (key.equalsIgnoreCase(written)) {
                        return key;
                    }
                }
            }
            return null;
        }

        private void finishQuestion() {
            Draft q = draft;
            draft = null;
            if (q == null) {
                return;
            }
            for (String key : REQUIRED_QUESTION_KEYS) {
                if (!q.keys.containsKey(key)) {
                    error(q.line, "question '" + q.id + "' has no '" + key + ":' line; every question needs one");
                }
            }
            Difficulty difficulty = null;
            Value difficultyValue = q.keys.get(DIFFICULTY);
            if (difficultyValue != null && !difficultyValue.text().isEmpty()) {
                Optional<Difficulty> parsed = Difficulty.fromBankValue(difficultyValue.text());
                if (parsed.isEmpty()) {
                    error(difficultyValue.line(),
                            "difficulty must be easy, medium or hard, got '" + difficultyValue.text() + "'");
                }
                difficulty = parsed.orElse(null);
            }
            int optionCount = q.options.size();
            if (optionCount < BankFile.Question.MIN_OPTIONS || optionCount > BankFile.Question.MAX_OPTIONS) {
                error(q.line, "a question needs " + BankFile.Question.MIN_OPTIONS + " to "
                        + BankFile.Question.MAX_OPTIONS + " options ('- ' wrong, '* ' correct), found "
                        + (optionCount + q.extraOptions));
            }
            int correctCount = 0;
            int correctOption = 0;
            Map<String, Integer> optionLines = new HashMap<>();
            for (int i = 0; i < optionCount; i++) {
                Option option = q.options.get(i);
                if (option.correct()) {
                    correctCount++;
                    correctOption = i + 1;
                }
                Integer firstLine = option.text().isEmpty() ? null : optionLines.putIfAbsent(option.text(), option.line());
                if (firstLine != null) {
                    error(option.line(), "option '" + option.text() + "' repeats the option on line " + firstLine
                            + "; the options of a question must all differ");
                }
            }
            if (correctCount != 1) {
                error(q.line, "a question needs exactly one correct option ('* '), found " + correctCount);
            }
            if (errors.total() > q.errorsBefore) {
                return;
            }
            questions.add(new BankFile.Question(q.id, text(q, TOPIC), difficulty, text(q, STEM),
                    q.options.stream().map(Option::text).toList(), correctOption,
                    text(q, EXPLANATION), text(q, SOURCE), q.line));
        }

        private static String text(Draft q, String key) {
            Value value = q.keys.get(key);
            return value == null ? null : value.text();
        }

        private void checkHeader() {
            Value bank = header.get(BANK);
            if (bank == null) {
                error(1, "the file needs a 'bank: <code>' line before the first question");
            } else if (!bank.text().isEmpty()) {
                String expected = baseName(fileName);
                if (!CODE.matcher(bank.text()).matches()) {
                    error(bank.line(), "bank code '" + bank.text()
                            + "' may contain only lower-case letters, digits and '-'");
                } else if (!bank.text().equals(expected)) {
                    error(bank.line(), "bank code '" + bank.text() + "' must equal the file name without '"
                            + BANK_SUFFIX + "', i.e. '" + expected + "'; rename the file or fix the code");
                }
            }
            if (!header.containsKey(TITLE)) {
                error(1, "the file needs a 'title: <title>' line before the first question");
            }
            if (!sawQuestion) {
                error(1, "the bank has no questions; start each one with a line '@ <id>'");
            }
        }

        private static String baseName(String fileName) {
            String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
            return name.endsWith(BANK_SUFFIX) ? name.substring(0, name.length() - BANK_SUFFIX.length()) : name;
        }

        private void error(int line, String message) {
            errors.add(ImportError.of(Place.line(line), "bank.file-error", message));
        }
    }
}
