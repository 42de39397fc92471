package org.examcert.questionbank.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.questionbank.Difficulty;
import org.examcert.questionbank.entity.Question;
import org.examcert.questionbank.entity.QuestionBank;

import java.util.List;
import java.util.Optional;

/** Finding banks and the active questions a draw specification selects. */
@ApplicationScoped
public class QuestionBanks {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    public Optional<QuestionBank> bank(String code) {
        return em.createQuery("SELECT b FROM QuestionBank b WHERE b.code = :code", QuestionBank.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    public List<QuestionBank> all() {
        return em.createQuery("SELECT b FROM QuestionBank b ORDER BY b.code", QuestionBank.class).getResultList();
    }

    public List<Question> questions(QuestionBank bank) {
        return em.createQuery("SELECT q FROM Question q WHERE q.bank = :bank ORDER BY q.id", Question.class)
                .setParameter("bank", bank).getResultList();
    }

    /** Active questions of a bank, optionally of one topic and difficulty, in a stable order. */
    public List<Question> select(String bankCode, String topic, Difficulty difficulty) {
        return em.createQuery("SELECT q FROM Question q WHERE q.bank.code = :bank AND q.active = TRUE"
                        + " AND (:topic IS NULL OR q.topic = :topic)"
                        + " AND (:difficulty IS NULL OR q.difficulty = :difficulty) ORDER BY q.id", Question.class)
                .setParameter("bank", bankCode)
                .setParameter("topic", topic)
                .setParameter("difficulty", difficulty)
                .getResultList();
    }
}
