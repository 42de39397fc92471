package org.examcert.questionbank.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Reads the Aiken format: a stem (one or more lines), options {@code A. text} or {@code A) text}
 * with consecutive letters from A, then {@code ANSWER: X}; questions are separated by blank lines,
 * though a new stem may also start right after an ANSWER line. Every error is reported with its
 * line before anything is returned.
 * Its length (about 250 lines) is the format's grammar and an error message for each way a file can
 * break it, kept in one reader.
 */
public final class AikenFormat {

    private static final Pattern OPTION = Pattern.compile("([A-Z])[.)](?:\\s+(.*))?");
    private static final Pattern ANSWER = Pattern.compile("(?i)ANSWER\\s*:(.*)");

    private AikenFormat() {
    }

    /**
     * Parses a whole Aiken file into a bank whose questions all have the given topic and difficulty.
     *
     * @throws ImportRejected listing every error, each at {@code "line N"} with a {@code bank.aiken.*} code
     */
    public static BankFile parse(String bankCode, String bankTitle, String topic, Difficulty difficulty, String text) {
        Objects.requireNonNull(difficulty, "difficulty is required");
        Objects.requireNonNull(text, "text is required");
        if (ImportText.clean(topic).isEmpty()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        return new Run(ImportText.clean(topic), difficulty).parse(bankCode, bankTitle, text);
    }

    private enum State { BETWEEN, STEM, OPTIONS, ANSWERED }

    /** A question being read. */
    private static final class Draft {
        final int line;
        final int errorsBefore;
        final StringBuilder stem = new StringBuilder();
        final List<String> options = new ArrayList<>();
        int correct;

        /** Options beyond the most a question may have plus one, only counted. */
        int extraOptions;
        /** The stem's whole length; only its first part is kept, enough to tell it is too long. */
        int stemLength;

        Draft(int line, int errorsBefore) {
            this.line = line;
            this.errorsBefore = errorsBefore;
        }

        void appendStem(String line) {
            int added = (stem.isEmpty() ? 0 : 1) + line.length();
            stemLength += added;
            if (stem.length() + added <= ImportText.MAX_STEM * 2) {
                if (!stem.isEmpty()) {
                    stem.append('\n');
                }
                stem.append(line);
            }
        }
    }

    private static final class Run {
        private final String topic;
        private final Difficulty difficulty;
        private final CappedErrors errors = new CappedErrors();
        private final List<BankFile.Question> questions = new ArrayList<>();
        private final Map<String, Integer> stemLines = new HashMap<>();
        private State state = State.BETWEEN;
        private Draft draft;

        Run(String topic, Difficulty difficulty) {
            this.topic = topic;
            this.difficulty = difficulty;
        }

        BankFile parse(String bankCode, String bankTitle, String text) {
            java.util.Iterator<String> lines = ImportText.lines(text);
            boolean any = false;
            for (int i = 0; lines.hasNext(); i++) {
                String line = lines.next().strip();
                any |= !line.isEmpty();
                read(line, i + 1);
            }
            finish();
            if (!any) {
                errors.add(ImportError.of(Place.line(1), "bank.aiken.empty"));
            }
            if (!errors.isEmpty()) {
                throw new ImportRejected(errors);
            }
            return new BankFile(bankCode, bankTitle, null, questions);
        }

        private void read(String line, int number) {
            Place place = Place.line(number);
            if (line.isEmpty()) {
                // Even inside a stem: otherwise a question left without options would silently swallow the next one.
                finish();
                return;
            }
            Matcher option = OPTION.matcher(line);
            Matcher answer = ANSWER.matcher(line);
            switch (state) {
                case BETWEEN -> start(line, number);
                case STEM -> {
                    if (answer.matches()) {
                        answer(answer.group(1).strip(), place);
                    } else if (option.matches() && option.group(1).equals("A")) {
                        option(option, place);
                    } else if (option.matches()) {
                        errors.add(ImportError.of(place, "bank.aiken.option-out-of-order", "A",
                                option.group(1)));
                        option(option, place);
                    } else {
                        draft.appendStem(line);
                    }
                }
                case OPTIONS -> {
                    if (answer.matches()) {
                        answer(answer.group(1).strip(), place);
                    } else if (option.matches()) {
                        String expected = letter(draft.options.size());
                        if (!option.group(1).equals(expected)) {
                            errors.add(ImportError.of(place, "bank.aiken.option-out-of-order", expected,
                                    option.group(1)));
                        }
                        option(option, place);
                    } else {
                        // The ANSWER line was left out and the next question follows at once.
                        finish();
                        start(line, number);
                    }
                }
                case ANSWERED -> {
                    if (answer.matches() || option.matches()) {
                        errors.add(ImportError.of(place, "bank.aiken.text-after-answer"));
                    } else {
                        finish();
                        start(line, number);
                    }
                }
            }
        }

        private void start(String line, int number) {
            draft = new Draft(number, errors.total());
            draft.appendStem(line);
            state = State.STEM;
        }

        private void option(Matcher option, Place place) {
            state = State.OPTIONS;
            if (draft.options.size() > BankFile.Question.MAX_OPTIONS) {
                // already too many: counted for the question's error, not kept or compared
                draft.extraOptions++;
                return;
            }
            String text = option.group(2) == null ? "" : option.group(2).strip();
            if (text.length() > ImportText.MAX_OPTION) {
                errors.add(ImportError.of(place, "bank.aiken.too-long", ImportText.MAX_OPTION, text.length()));
            }
            if (text.isEmpty()) {
                errors.add(ImportError.of(place, "bank.aiken.option-empty", option.group(1)));
            } else if (draft.options.contains(text)) {
                errors.add(ImportError.of(place, "bank.aiken.option-repeated", option.group(1),
                        letter(draft.options.indexOf(text))));
            }
            draft.options.add(text);
            state = State.OPTIONS;
        }

        private void answer(String value, Place place) {
            state = State.ANSWERED;
            int count = draft.options.size();
            if (count < BankFile.Question.MIN_OPTIONS || count > BankFile.Question.MAX_OPTIONS) {
                return; // reported for the whole question by finish()
            }
            String last = letter(count - 1);
            if (value.isEmpty()) {
                errors.add(ImportError.of(place, "bank.aiken.answer-missing", last));
            } else {
                // A lower-case letter is an obvious slip, not a different answer.
                char letter = Character.toUpperCase(value.charAt(0));
                if (value.length() != 1 || letter < 'A' || letter >= 'A' + count) {
                    errors.add(ImportError.of(place, "bank.aiken.answer-invalid", value, last));
                } else {
                    draft.correct = letter - 'A' + 1;
                }
            }
        }

        private void finish() {
            Draft q = draft;
            State was = state;
            draft = null;
            state = State.BETWEEN;
            if (q == null) {
                return;
            }
            Place place = Place.line(q.line);
            int count = q.options.size() + q.extraOptions;
            if (count < BankFile.Question.MIN_OPTIONS) {
                errors.add(ImportError.of(place, "bank.aiken.too-few-options", count));
            } else if (count > BankFile.Question.MAX_OPTIONS) {
                errors.add(ImportError.of(place, "bank.aiken.too-many-options", count));
            } else if (was != State.ANSWERED) {
                errors.add(ImportError.of(place, "bank.aiken.answer-line-missing", letter(count - 1)));
            }
            String stem = ImportText.clean(q.stem.toString());
            if (stem.length() > ImportText.MAX_STEM || q.stemLength > q.stem.length()) {
                errors.add(ImportError.of(place, "bank.aiken.too-long", ImportText.MAX_STEM,
                        Math.max(stem.length(), q.stemLength)));
            }
            Integer firstLine = stemLines.putIfAbsent(stem, q.line);
            if (firstLine != null) {
                errors.add(ImportError.of(place, "bank.aiken.duplicate-question", firstLine));
            }
            if (errors.total() > q.errorsBefore) {
                return;
            }
            questions.add(new BankFile.Question(ImportText.stemId(stem), topic, difficulty, stem, q.options,
                    q.correct, null, null, q.line));
        }
    }

    private static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }
}
