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

    public ImportReport importBank(BankFile file, Instant now) {
        QuestionBank bank = banks.bank(file.code()).orElse(null);
        if (bank == null) {
            bank = new QuestionBank(file.code(), file.title(), file.description(), now);
            em.persist(bank);
        } else if (!file.title().equals(bank.title()) || !java.util.Objects.equals(file.description(), bank.description())) {
            bank.describe(file.title(), file.description(), now);
        }
        Map<String, Question> existing = new HashMap<>();
        for (Question q : banks.questions(bank)) {
            existing.put(q.externalId(), q);
        }
        int added = 0, revised = 0, unchanged = 0, retired = 0;
        Set<String> inFile = new HashSet<>();
        for (BankFile.Question content : file.questions()) {
            inFile.add(content.id());
            Question question = existing.get(content.id());
            if (question == null) {
                em.persist(new Question(bank, content));
                added++;
            } else if (question.revise(content)) {
                revised++;
            } else {
                unchanged++;
            }
        }
        for (Question q : existing.values()) {
            if (!inFile.contains(q.externalId()) && q.retire()) {
                retired++;
            }
        }
        return new ImportReport(file.code(), added, revised, unchanged, retired);
    }
}
