package org.examcert.questionbank.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.questionbank.BankFile;
import org.examcert.questionbank.entity.Question;
import org.examcert.questionbank.entity.QuestionBank;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Saves a parsed (hence already valid) bank: new questions are added, changed ones revised,
 * unchanged ones left alone, and questions no longer in the file retired. Importing the same
 * file twice changes nothing.
 */
@ApplicationScoped
public class BankImporter {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    QuestionBanks banks;

    public record ImportReport(String bank, int added, int revised, int unchanged, int retired) {
        public boolean changedAnything() {
            return added + revised + retired > 0;
        }
    }

    /** The repository's way: the file is the whole bank, questions not in it are retired. */
    public ImportReport importBank(BankFile file, Instant now) {
        return importBank(file, true, false, now);
    }

    /**
     * Imports a validated bank.
     *
     * @param replace retire the bank's questions that are not in the file (else they are kept)
     * @param dryRun  only count what would change; nothing is written
     */
    public ImportReport importBank(BankFile file, boolean replace, boolean dryRun, Instant now) {
        QuestionBank bank = banks.bank(file.code()).orElse(null);
        if (!dryRun) {
            bank = described(bank, file, now);
        }
        // One walk for both, so that a dry run counts exactly what the import would do.
        Map<String, Question> existing = bank == null ? Map.of() : existing(bank);
        int added = 0, revised = 0, unchanged = 0, retired = 0;
        Set<String> inFile = new HashSet<>();
        for (BankFile.Question content : file.questions()) {
            inFile.add(content.id());
            Question question = existing.get(content.id());
            if (question == null) {
                if (!dryRun) {
                    em.persist(new Question(bank, content));
                }
                added++;
            } else if (dryRun ? question.wouldChange(content) : banks.revise(question, content)) {
                revised++;
            } else {
                unchanged++;
            }
        }
        if (replace) {
            for (Question q : existing.values()) {
                if (!inFile.contains(q.externalId()) && (dryRun ? q.active() : q.retire())) {
                    retired++;
                }
            }
        }
        if (!dryRun) {
            em.flush();
        }
        return new ImportReport(file.code(), added, revised, unchanged, retired);
    }

    /** The bank, created or given the file's title and description. */
    private QuestionBank described(QuestionBank bank, BankFile file, Instant now) {
        if (bank == null) {
            bank = new QuestionBank(file.code(), file.title(), file.description(), now);
            em.persist(bank);
        } else if (!file.title().equals(bank.title()) || !Objects.equals(file.description(), bank.description())) {
            bank.describe(file.title(), file.description(), now);
        }
        return bank;
    }

    private Map<String, Question> existing(QuestionBank bank) {
        Map<String, Question> existing = new HashMap<>();
        for (Question q : banks.questions(bank)) {
            existing.put(q.externalId(), q);
        }
        return existing;
    }
}
