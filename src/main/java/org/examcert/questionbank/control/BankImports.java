package org.examcert.questionbank.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.examcert.platform.problem.Problem;
import org.examcert.questionbank.format.AikenFormat;
import org.examcert.questionbank.BankFile;
import org.examcert.questionbank.format.BankFileParser;
import org.examcert.questionbank.format.BankWorkbook;
import org.examcert.questionbank.Difficulty;
import org.examcert.questionbank.format.GiftFormat;
import org.examcert.platform.files.ImportRejected;
import org.examcert.questionbank.entity.Question;
import org.examcert.questionbank.entity.QuestionBank;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an uploaded bank in any of the four formats into one validated {@link BankFile}, turning
 * every format's errors into field errors that name the row or line, then saves it (or only counts).
 */
@ApplicationScoped
public class BankImports {

    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,100}");
    private static final Pattern BANK_HEADER = Pattern.compile("(?m)^bank:\\s*(\\S+)\\s*$");

    @Inject
    BankImporter importer;
    @Inject
    QuestionBanks banks;

    public BankFile parse(String format, String bankCode, String title, String topic, Difficulty difficulty, byte[] file) {
        String f = format == null ? "" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("bank")) {
            requireBank(bankCode, title);
        }
        String defaultTopic = topic == null || topic.isBlank() ? "Chung" : topic.strip();
        Difficulty defaultDifficulty = difficulty == null ? Difficulty.MEDIUM : difficulty;
        try {
            return switch (f) {
                case "bank" -> parseRepositoryFormat(bankCode, text(file));
                case "xlsx" -> BankWorkbook.read(bankCode, title.strip(), null, new ByteArrayInputStream(file));
                case "gift" -> GiftFormat.parse(bankCode, title.strip(), defaultTopic, defaultDifficulty, text(file));
                case "aiken" -> AikenFormat.parse(bankCode, title.strip(), defaultTopic, defaultDifficulty, text(file));
                default -> throw Problem.badRequest("bank.import-format-unknown", String.valueOf(format));
            };
        } catch (ImportRejected e) {
            throw e.toProblem("bank.import-invalid");
        }
    }

    public BankImporter.ImportReport save(BankFile file, boolean replace, boolean dryRun, Instant now) {
        return importer.importBank(file, replace, dryRun, now);
    }

    /** A bank's active questions as a bank file, for the .xlsx and GIFT exports. */
    public BankFile asFile(QuestionBank bank) {
        List<BankFile.Question> questions = banks.questions(bank).stream().filter(Question::active).map(Question::content).toList();
        return new BankFile(bank.code(), bank.title(), bank.description(), questions);
    }

    private static BankFile parseRepositoryFormat(String bankCode, String text) {
        // the parser checks the code against the file's name: an upload is named after its own header
        Matcher header = BANK_HEADER.matcher(text);
        String name = (header.find() ? header.group(1) : bankCode == null || bankCode.isBlank() ? "upload" : bankCode.strip()) + ".bank";
        return BankFileParser.parse(name, text);
    }

    private static void requireBank(String bankCode, String title) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (bankCode == null || !CODE.matcher(bankCode.strip()).matches()) {
            errors.add(Problem.FieldError.of("bank", "bank.code-invalid"));
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            errors.add(Problem.FieldError.of("title", "bank.title-required"));
        }
        if (!errors.isEmpty()) {
            throw new Problem(400, "bank.import-target-invalid", List.of(), errors);
        }
    }

    /** UTF-8 only (with or without a byte-order mark): a file in another encoding would garble Vietnamese text. */
    private static String text(byte[] file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Problem(422, "bank.import-invalid", List.of(1),
                    List.of(Problem.FieldError.of("file", "bank.import-not-utf8")));
        }
    }
}
