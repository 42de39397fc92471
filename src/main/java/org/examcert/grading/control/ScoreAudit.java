package org.examcert.grading.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.util.List;

/**
 * Recomputes every graded attempt's score from its stored answers, in the database, and lists
 * any that differ from the stored score. An empty list is the proof that scores can be trusted.
 */
@ApplicationScoped
public class ScoreAudit {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    public record Mismatch(long attemptId, BigDecimal stored, BigDecimal recomputed) {
    }

    public record Report(long attemptsChecked, List<Mismatch> mismatches) {
    }

    @SuppressWarnings("unchecked")
    public Report run() {
        List<Object[]> rows = em.createNativeQuery("SELECT a.id, a.score,"
                + " COALESCE(SUM(CASE WHEN i.chosen_option = i.correct_option THEN i.points ELSE 0 END), 0)"
                + " FROM attempt a JOIN attempt_item i ON i.attempt_id = a.id"
                + " WHERE a.score IS NOT NULL GROUP BY a.id, a.score").getResultList();
        List<Mismatch> mismatches = rows.stream()
                .filter(r -> ((BigDecimal) r[1]).compareTo((BigDecimal) r[2]) != 0)
                .map(r -> new Mismatch(((Number) r[0]).longValue(), (BigDecimal) r[1], (BigDecimal) r[2]))
                .toList();
        return new Report(rows.size(), mismatches);
    }
}
