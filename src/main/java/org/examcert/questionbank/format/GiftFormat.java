package org.examcert.questionbank.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.examcert.platform.files.CappedErrors;
import org.examcert.platform.files.ImportError;
import org.examcert.platform.files.ImportError.Place;
import org.examcert.platform.text.Slug;
import org.examcert.platform.files.ImportRejected;
import org.examcert.questionbank.BankFile;
import org.examcert.questionbank.Difficulty;
import org.examcert.questionbank.ImportText;

/**
 * Reads Moodle GIFT text: single-answer multiple choice ({@code {=right ~wrong ~wrong}}) and
 * true/false ({@code {T}}, {@code {F}}) questions, with {@code ::name::} titles, {@code $CATEGORY:}
 * topics, {@code [html]} and other format prefixes, escapes, and feedback: the correct answer's
 * ({@code =right#feedback}, or a true/false question's second {@code #feedback}) and the general
 * feedback ({@code ####general}) become the question's explanation, shown in the review; feedback on
 * wrong answers has no place here and is dropped. Every other GIFT question type is refused, since
 * an exam paper here only asks for one correct option. The whole text is checked and every error
 * reported with its line before anything is returned. {@link #write} turns a bank back into GIFT
 * that reads back the same (the explanation as general feedback).
 * Its length (about 460 lines) is GIFT's grammar and escapes, and its reader and writer kept
 * together so that what is written reads back the same.
 */
public final class GiftFormat {

    public static final String TRUE_OPTION = "Đúng";
    public static final String FALSE_OPTION = "Sai";

    /** Placeholders for escaped characters while the text is split at the unescaped ones (Unicode private use). */
    private static final char ESC_TILDE = '\uE001';
    private static final char ESC_EQUALS = '\uE002';
    private static final char ESC_HASH = '\uE003';
    private static final char ESC_OPEN = '\uE004';
    private static final char ESC_CLOSE = '\uE005';
    private static final char ESC_COLON = '\uE006';
    private static final char ESC_BACKSLASH = '\uE007';
    private static final char ESC_NEWLINE = '\uE008';

    /**
     * Longest question block read (stem, options, feedback and explanation, in characters): a
     * question within the import's text limits is far shorter; a longer block is refused unread.
     */
    static final int MAX_BLOCK = ImportText.MAX_STEM + ImportText.MAX_TEXT
            + BankFile.Question.MAX_OPTIONS * (ImportText.MAX_OPTION + 100) + 10_000;

    private static final Pattern FORMAT = Pattern.compile("^\\[(html|moodle|markdown|plain)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern CATEGORY = Pattern.compile("^\\$CATEGORY:(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CATEGORY_SEPARATOR = Pattern.compile("(?<!/)/(?!/)");
    private static final Pattern TRUE_FALSE = Pattern.compile("(?i)T|TRUE|F|FALSE");

    private GiftFormat() {
    }

    /**
     * Parses a whole GIFT file into a bank.
     *
     * @param defaultTopic the topic of questions before any {@code $CATEGORY:} line
     * @param defaultDifficulty the difficulty of every question (GIFT has none)
     * @throws ImportRejected listing every error, each at {@code "line N"} with a {@code bank.gift.*} code
     */
    public static BankFile parse(String bankCode, String bankTitle, String defaultTopic, Difficulty defaultDifficulty,
            String text) {
        Objects.requireNonNull(defaultDifficulty, "defaultDifficulty is required");
        Objects.requireNonNull(text, "text is required");
        if (ImportText.clean(defaultTopic).isEmpty()) {
            throw new IllegalArgumentException("defaultTopic must not be blank");
        }
        return new Run(defaultTopic, defaultDifficulty).parse(bankCode, bankTitle, text);
    }

    private record Line(String text, int number) {
    }

    private static final class Run {
        private final Difficulty difficulty;
        private final CappedErrors errors = new CappedErrors();
        private final List<BankFile.Question> questions = new ArrayList<>();
        private final Map<String, Integer> idLines = new HashMap<>();
        private String topic;
        private int questionCount;

        Run(String defaultTopic, Difficulty difficulty) {
            this.topic = ImportText.clean(defaultTopic);
            this.difficulty = difficulty;
        }

        BankFile parse(String bankCode, String bankTitle, String text) {
            java.util.Iterator<String> lines = ImportText.lines(text);
            List<Line> block = new ArrayList<>();
            int blockChars = 0;
            int blockOverflow = 0;
            for (int i = 0; lines.hasNext(); i++) {
                String line = lines.next().strip();
                if (line.startsWith("//")) {
                    continue; // a comment does not end a question
                }
                if (line.isEmpty()) {
                    readBlock(block, blockOverflow);
                    block = new ArrayList<>();
                    blockChars = 0;
                    blockOverflow = 0;
                } else if (blockOverflow > 0 || blockChars + line.length() > MAX_BLOCK) {
                    // far longer than any question: counted, not kept
                    blockOverflow = blockOverflow == 0 ? blockChars + line.length() : blockOverflow + line.length();
                    if (block.isEmpty()) {
                        block.add(new Line(line.substring(0, Math.min(line.length(), 80)), i + 1));
                    }
                } else {
                    block.add(new Line(line, i + 1));
                    blockChars += line.length() + 1;
                }
            }
            readBlock(block, blockOverflow);
            if (questionCount == 0 && errors.isEmpty()) {
                errors.add(ImportError.of(Place.line(1), "bank.gift.empty"));
            }
            if (!errors.isEmpty()) {
                throw new ImportRejected(errors);
            }
            return new BankFile(bankCode, bankTitle, null, questions);
        }

        private void readBlock(List<Line> block, int overflow) {
            if (overflow > 0) {
                questionCount++;
                errors.add(ImportError.of(Place.line(block.get(0).number()), "bank.gift.too-long", MAX_BLOCK, overflow));
                return;
            }
            List<Line> rest = block;
            // A category normally stands alone; tolerate a question right under it too.
            while (!rest.isEmpty()) {
                Matcher category = CATEGORY.matcher(protect(rest.get(0).text()));
                if (!category.matches()) {
                    break;
                }
                // a path of categories; "//" is a slash inside a name (Moodle's spelling)
                String[] path = CATEGORY_SEPARATOR.split(category.group(1).strip());
                String last = ImportText.clean(restore(path.length == 0 ? "" : path[path.length - 1]).replace("//", "/"));
                if (last.length() > ImportText.MAX_TOPIC) {
                    errors.add(ImportError.of(Place.line(rest.get(0).number()), "bank.gift.too-long",
                            ImportText.MAX_TOPIC, last.length()));
                } else if (!last.isEmpty()) {
                    topic = last;
                }
                rest = rest.subList(1, rest.size());
            }
            if (rest.isEmpty()) {
                return;
            }
            questionCount++;
            int line = rest.get(0).number();
            StringBuilder joined = new StringBuilder();
            for (Line l : rest) {
                if (!joined.isEmpty()) {
                    joined.append('\n');
                }
                joined.append(l.text());
            }
            readQuestion(protect(joined.toString()), line);
        }

        private void readQuestion(String q, int line) {
            Place place = Place.line(line);
            String name = null;
            String body = q.strip();
            if (body.startsWith("::")) {
                int end = body.indexOf("::", 2);
                if (end < 0) {
                    errors.add(ImportError.of(place, "bank.gift.unclosed-name"));
                    return;
                }
                name = body.substring(2, end);
                body = body.substring(end + 2).strip();
            }
            boolean html = false;
            Matcher format = FORMAT.matcher(body);
            if (format.find()) {
                html = format.group(1).equalsIgnoreCase("html");
                body = body.substring(format.end());
            }
            int open = body.indexOf('{');
            if (open < 0) {
                errors.add(ImportError.of(place, "bank.gift.no-answers"));
                return;
            }
            int close = body.indexOf('}', open);
            if (close < 0) {
                errors.add(ImportError.of(place, "bank.gift.unclosed-answers"));
                return;
            }
            String before = body.substring(0, open).strip();
            String after = body.substring(close + 1).strip();
            String block = body.substring(open + 1, close);
            if (after.indexOf('{') >= 0 || after.indexOf('}') >= 0 || block.indexOf('{') >= 0) {
                // Several answer blocks: a cloze question.
                errors.add(ImportError.of(place, "bank.gift.unsupported-question"));
                return;
            }
            String stem = before;
            if (!after.isEmpty()) {
                boolean punctuation = !Character.isLetterOrDigit(after.codePointAt(0));
                stem = before + " ___" + (punctuation ? "" : " ") + after;
            }
            stem = text(stem, html);
            String generalFeedback = null;
            int general = block.indexOf("####");
            if (general >= 0) {
                generalFeedback = text(block.substring(general + 4), html);
                block = block.substring(0, general);
            }
            List<String> options = new ArrayList<>();
            String[] rightFeedback = new String[1];
            int correct = answers(block.strip(), html, options, rightFeedback, place);
            if (correct == 0) {
                return;
            }
            String explanation = explanation(rightFeedback[0], generalFeedback);
            int errorsBefore = errors.total();
            if (stem.isEmpty()) {
                errors.add(ImportError.of(place, "bank.gift.stem-missing"));
            }
            tooLong(stem, ImportText.MAX_STEM, place);
            tooLong(explanation, ImportText.MAX_TEXT, place);
            Set<String> seen = new HashSet<>();
            for (String option : options) {
                if (option.isEmpty()) {
                    errors.add(ImportError.of(place, "bank.gift.option-empty"));
                } else if (!seen.add(option)) {
                    errors.add(ImportError.of(place, "bank.gift.option-repeated", option));
                }
                tooLong(option, ImportText.MAX_OPTION, place);
            }
            String slug = name == null ? "" : Slug.of(restore(name), ImportText.MAX_SLUG);
            String id = slug.isEmpty() ? ImportText.stemId(stem) : slug;
            Integer firstLine = idLines.putIfAbsent(id, line);
            if (firstLine != null) {
                errors.add(ImportError.of(place, "bank.gift.duplicate-id", id, firstLine));
            }
            if (errors.total() > errorsBefore) {
                return;
            }
            questions.add(new BankFile.Question(id, topic, difficulty, stem, options, correct, explanation, null, line));
        }

        private void tooLong(String text, int max, Place place) {
            if (text != null && text.length() > max) {
                errors.add(ImportError.of(place, "bank.gift.too-long", max, text.length()));
            }
        }

        /**
         * Reads an answer block into options and the correct answer's feedback ({@code rightFeedback[0]},
         * null when none); returns the 1-based correct option, or 0 after recording an error.
         */
        private int answers(String block, boolean html, List<String> options, String[] rightFeedback, Place place) {
            String withoutFeedback = block.contains("#") ? block.substring(0, block.indexOf('#')).strip() : block;
            if (TRUE_FALSE.matcher(withoutFeedback).matches()) {
                options.add(TRUE_OPTION);
                options.add(FALSE_OPTION);
                // {T#shown to a wrong answer#shown to the right one}
                String[] feedback = block.split("#", -1);
                rightFeedback[0] = feedback.length > 2 ? text(feedback[2], html) : null;
                return withoutFeedback.toUpperCase(Locale.ROOT).startsWith("T") ? 1 : 2;
            }
            if (block.isEmpty() || block.startsWith("#") || !(block.startsWith("=") || block.startsWith("~"))) {
                // Essay, numeric, or something that is not a list of answers.
                errors.add(ImportError.of(place, "bank.gift.unsupported-question"));
                return 0;
            }
            int rights = 0;
            int correct = 0;
            int start = 0;
            List<String> raw = new ArrayList<>();
            for (int i = 1; i <= block.length(); i++) {
                if (i == block.length() || block.charAt(i) == '=' || block.charAt(i) == '~') {
                    raw.add(block.substring(start, i));
                    start = i;
                }
            }
            for (String answer : raw) {
                String content = answer.substring(1);
                String feedbackText = null;
                int feedback = content.indexOf('#');
                if (feedback >= 0) {
                    feedbackText = content.substring(feedback + 1);
                    content = content.substring(0, feedback);
                }
                if (content.strip().startsWith("%") || content.contains("->")) {
                    // Weighted answers or a matching question.
                    errors.add(ImportError.of(place, "bank.gift.unsupported-question"));
                    return 0;
                }
                if (answer.charAt(0) == '=') {
                    rights++;
                    correct = options.size() + 1;
                    rightFeedback[0] = feedbackText == null ? null : text(feedbackText, html);
                }
                options.add(text(content, html));
            }
            if (rights != 1 || options.size() < 2) {
                // No right answer, several right answers, or a short answer with only '='.
                options.clear();
                errors.add(ImportError.of(place, "bank.gift.unsupported-question"));
                return 0;
            }
            if (options.size() > BankFile.Question.MAX_OPTIONS) {
                errors.add(ImportError.of(place, "bank.gift.too-many-options", options.size(),
                        BankFile.Question.MAX_OPTIONS));
                return 0;
            }
            return correct;
        }
    }

    /**
     * The explanation a question keeps from its feedback: the correct answer's feedback, then the
     * general feedback on a line of its own; one alone as it is; the same text twice only once;
     * null when there is none.
     */
    static String explanation(String rightFeedback, String generalFeedback) {
        String right = ImportText.clean(rightFeedback);
        String general = ImportText.clean(generalFeedback);
        if (right.isEmpty() || right.equals(general)) {
            return general.isEmpty() ? null : general;
        }
        return general.isEmpty() ? right : right + "\n" + general;
    }

    /**
     * A bank as GIFT: each question named by its id, under a {@code $CATEGORY:} of its topic, the
     * correct option {@code =}, the others {@code ~}, the explanation as general feedback
     * ({@code ####}); a true/false question ({@value #TRUE_OPTION}/{@value #FALSE_OPTION}) as
     * {@code {T}}/{@code {F}}. Special characters are escaped and line breaks written {@code \n},
     * so {@link #parse} reads the same stems, options, topics, ids and explanations back. GIFT has
     * no difficulty or source: a re-import takes its defaults.
     */
    public static String write(BankFile bank) {
        StringBuilder out = new StringBuilder();
        out.append("// ").append(oneLine(bank.title())).append(" (").append(oneLine(bank.code())).append(")\n");
        String topic = null;
        for (BankFile.Question q : bank.questions()) {
            out.append('\n');
            if (!q.topic().equals(topic)) {
                topic = q.topic();
                // a category is a path whose last part is the topic; a slash inside a name is doubled, as Moodle writes it
                out.append("$CATEGORY: ").append(escape(topic).replace("/", "//")).append("\n\n");
            }
            String stem = escape(q.stem());
            if (FORMAT.matcher(stem).find()) {
                stem = "[plain]" + stem; // a stem that starts like a format prefix keeps it as text
            }
            out.append("::").append(escape(q.id())).append("::").append(stem).append(" {\n");
            if (q.options().equals(List.of(TRUE_OPTION, FALSE_OPTION))) {
                out.append(q.correctOption() == 1 ? "T" : "F").append('\n');
            } else {
                for (int i = 0; i < q.options().size(); i++) {
                    out.append(i + 1 == q.correctOption() ? '=' : '~').append(escape(q.options().get(i))).append('\n');
                }
            }
            if (q.explanation() != null && !q.explanation().isBlank()) {
                out.append("####").append(escape(q.explanation())).append('\n');
            }
            out.append("}\n");
        }
        return out.toString();
    }

    /** GIFT's escapes for its special characters, and {@code \n} for a line break (a raw one would only wrap). */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '~', '=', '#', '{', '}', ':' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> {
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }

    /** Turns escapes into placeholders, so only unescaped special characters split the text. */
    static String protect(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                char replacement = switch (next) {
                    case '~' -> ESC_TILDE;
                    case '=' -> ESC_EQUALS;
                    case '#' -> ESC_HASH;
                    case '{' -> ESC_OPEN;
                    case '}' -> ESC_CLOSE;
                    case ':' -> ESC_COLON;
                    case '\\' -> ESC_BACKSLASH;
                    case 'n' -> ESC_NEWLINE;
                    default -> 0;
                };
                if (replacement != 0) {
                    out.append(replacement);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Placeholders back to the characters they stand for. */
    static String restore(String s) {
        return s.replace(ESC_TILDE, '~').replace(ESC_EQUALS, '=').replace(ESC_HASH, '#').replace(ESC_OPEN, '{')
                .replace(ESC_CLOSE, '}').replace(ESC_COLON, ':').replace(ESC_BACKSLASH, '\\')
                .replace(ESC_NEWLINE, '\n');
    }

    /**
     * Final text of a stem, option or explanation: a line break in the file is only wrapping, so
     * lines are joined with a space; an escaped {@code \n} is a real line break.
     */
    private static String text(String raw, boolean html) {
        String s = raw.strip().replaceAll("[ \\t]*\\n[ \\t]*", " ");
        if (html) {
            s = stripHtml(s);
        }
        return ImportText.clean(restore(s).replaceAll("[ \\t]+\\n|\\n[ \\t]+", "\n"));
    }

    private static String stripHtml(String s) {
        return s.replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("[ \\t]+", " ");
    }
}
