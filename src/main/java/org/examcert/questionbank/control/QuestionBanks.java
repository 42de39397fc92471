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

    /** A bank as the console lists it. */
    public record BankSummary(String code, String title, String description, long questions, long retired,
                              List<String> topics, java.time.Instant importedAt) {
    }

    public record Page(long total, List<Question> items) {
    }

    @SuppressWarnings("unchecked")
    public List<BankSummary> summaries() {
        java.util.Map<String, long[]> counts = new java.util.HashMap<>();
        ((List<Object[]>) em.createNativeQuery("SELECT b.code, SUM(CASE WHEN q.active THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN q.active THEN 0 ELSE 1 END) FROM question_bank b JOIN question q ON q.bank_id = b.id"
                + " GROUP BY b.code").getResultList())
                .forEach(r -> counts.put((String) r[0], new long[]{((Number) r[1]).longValue(), ((Number) r[2]).longValue()}));
        java.util.Map<String, List<String>> topics = new java.util.HashMap<>();
        em.createQuery("SELECT DISTINCT q.bank.code, q.topic FROM Question q WHERE q.active = TRUE ORDER BY q.topic", Object[].class)
                .getResultList().forEach(r -> topics.computeIfAbsent((String) r[0], k -> new java.util.ArrayList<>()).add((String) r[1]));
        return all().stream().map(b -> {
            long[] c = counts.getOrDefault(b.code(), new long[2]);
            return new BankSummary(b.code(), b.title(), b.description(), c[0], c[1], topics.getOrDefault(b.code(), List.of()),
                    b.importedAt());
        }).toList();
    }

    /** Questions of a bank whose stem or an option contains {@code text}, newest first. */
    public Page search(QuestionBank bank, String text, String topic, Difficulty difficulty, Boolean active, int offset, int limit) {
        StringBuilder where = new StringBuilder(" FROM Question q WHERE q.bank = :bank");
        java.util.Map<String, Object> parameters = new java.util.HashMap<>(java.util.Map.of("bank", bank));
        if (topic != null) {
            where.append(" AND q.topic = :topic");
            parameters.put("topic", topic);
        }
        if (difficulty != null) {
            where.append(" AND q.difficulty = :difficulty");
            parameters.put("difficulty", difficulty);
        }
        if (active != null) {
            where.append(" AND q.active = :active");
            parameters.put("active", active);
        }
        if (text != null && !text.isBlank()) {
            List<Long> matching = matching(bank, text);
            if (matching.isEmpty()) {
                return new Page(0, List.of());
            }
            where.append(" AND q.id IN :matching");
            parameters.put("matching", matching);
        }
        var count = em.createQuery("SELECT COUNT(q)" + where, Long.class);
        var items = em.createQuery("SELECT q" + where + " ORDER BY q.id DESC", Question.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        return new Page(count.getSingleResult(), items.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    /**
     * Ids of the bank's questions whose stem or an option contains the text. The column collation
     * ignores case and diacritics, so "thanh lap" finds "thành lập" as an organizer would hope.
     */
    @SuppressWarnings("unchecked")
    private List<Long> matching(QuestionBank bank, String text) {
        String pattern = org.examcert.platform.database.Like.containing(text);
        List<Number> ids = em.createNativeQuery("SELECT q.id FROM question q WHERE q.bank_id = ?1 AND (q.stem LIKE ?2"
                        + " OR EXISTS (SELECT 1 FROM question_option o WHERE o.question_id = q.id AND o.text LIKE ?2))")
                .setParameter(1, bank.id()).setParameter(2, pattern).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Revises a question's content (see {@link Question#prepareOptionsFor}); returns whether anything changed. */
    public boolean revise(Question question, org.examcert.questionbank.BankFile.Question content) {
        if (!question.wouldChange(content)) {
            return false;
        }
        if (question.prepareOptionsFor(content)) {
            em.flush();
        }
        return question.revise(content);
    }

    public Optional<Question> question(QuestionBank bank, long id) {
        Question question = em.find(Question.class, id);
        return question != null && question.bank().id().equals(bank.id()) ? Optional.of(question) : Optional.empty();
    }
}
