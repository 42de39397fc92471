package org.examcert.testing;

import org.examcert.questionbank.BankFile;
import org.examcert.questionbank.format.BankFileParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The shipped bank files as the tests know them: which stems belong to which bank, and the text of
 * each question's correct option, so a test can answer right or wrong on purpose.
 */
public final class Banks {

    private final Map<String, BankFile> banks = new HashMap<>();

    public Banks() {
        try (var files = Files.list(Path.of("question-banks"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bank")).toList()) {
                BankFile bank = BankFileParser.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                banks.put(bank.code(), bank);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BankFile bank(String code) {
        return banks.get(code);
    }

    /** The correct option's text of the question with this stem and these options (banks share a few stems). */
    public String correctText(String stem, java.util.Set<String> options) {
        for (BankFile bank : banks.values()) {
            for (BankFile.Question q : bank.questions()) {
                if (q.stem().equals(stem) && java.util.Set.copyOf(q.options()).equals(options)) {
                    return q.options().get(q.correctOption() - 1);
                }
            }
        }
        throw new AssertionError("no bank has: " + stem);
    }
}
