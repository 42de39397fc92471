package org.examcert.questionbank.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.transaction.UserTransaction;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.examcert.questionbank.BankFile;
import org.examcert.questionbank.format.BankFileParser;
import org.examcert.platform.database.OwnTransaction;
import org.examcert.platform.files.ImportRejected;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Loads every {@code *.bank} file of the question-banks folder at start-up. A file with errors is
 * reported with file:line messages and skipped whole; the others load.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class BankDirectory {

    private static final Logger LOG = Logger.getLogger(BankDirectory.class.getName());

    @Inject
    @ConfigProperty(name = "examcert.question-banks.dir", defaultValue = "question-banks")
    String folder;

    @Inject
    BankImporter importer;

    @Inject
    Clock clock;

    @Resource
    UserTransaction transaction;

    private final List<String> problems = new ArrayList<>();

    @PostConstruct
    void loadAll() {
        Path dir = Path.of(folder);
        if (!Files.isDirectory(dir)) {
            LOG.warning(() -> "event=banks.folder-missing folder=" + dir.toAbsolutePath());
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".bank")).sorted().toList()) {
                load(file);
            }
        } catch (IOException e) {
            LOG.severe(() -> "event=banks.folder-unreadable folder=" + dir.toAbsolutePath() + " error=" + e.getMessage());
        }
    }

    /** One transaction per file, so that one bad file does not hold back the others. */
    private void load(Path file) throws IOException {
        String name = file.getFileName().toString();
        try {
            BankFile bank = BankFileParser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
            BankImporter.ImportReport report = OwnTransaction.run(transaction, () -> importer.importBank(bank, clock.instant()));
            LOG.info(() -> "event=bank.imported " + report);
        } catch (ImportRejected e) {
            e.errors().forEach(error -> {
                problems.add(error.toString());
                LOG.severe(() -> "event=bank.invalid " + error);
            });
        } catch (Exception e) {
            problems.add(name + ": " + e.getMessage());
            LOG.severe(() -> "event=bank.import-failed file=" + name + " error=" + e);
        }
    }

    /** The file:line errors of the last load, for the organizer console. */
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
