package org.examcert.console.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.examcert.candidate.UnitAction;
import org.examcert.certificate.CertificateAction;
import org.examcert.contest.ContestAction;
import org.examcert.questionbank.BankAction;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.console.entity.AuditEntry;
import org.examcert.console.entity.StaffAccount;

import java.time.Instant;
import java.util.List;

/**
 * The audit log of organizer actions. An entry is written in the transaction of the action it
 * describes, so an action that rolls back leaves no entry and one that commits always has one. The
 * capabilities that own the organizer's actions fire them as events ({@link ContestAction},
 * {@link BankAction}, {@link UnitAction}, {@link CertificateAction}) and never see the console:
 * synchronous observers run in the firing transaction.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    /** Records an action; {@code before} and {@code after} are views of the thing (null when it did not or no longer exists). */
    public void record(long staffId, String action, String target, Object before, Object after, Instant now) {
        StaffAccount staff = em.find(StaffAccount.class, staffId);
        String email = staff == null ? "#" + staffId : staff.email();
        em.persist(new AuditEntry(now, staffId, email, action, target, json(before), json(after)));
    }

    void onContest(@Observes ContestAction a) {
        record(a.staffId(), a.action(), a.target(), a.before(), a.after(), a.at());
    }

    void onBank(@Observes BankAction a) {
        record(a.staffId(), a.action(), a.target(), a.before(), a.after(), a.at());
    }

    void onUnit(@Observes UnitAction a) {
        record(a.staffId(), a.action(), a.target(), a.before(), a.after(), a.at());
    }

    void onCertificate(@Observes CertificateAction a) {
        record(a.staffId(), a.action(), a.target(), a.before(), a.after(), a.at());
    }

    /** What an organizer looks for in the log; null fields do not filter. {@code text} is found in the target or the staff email. */
    public record Filter(String action, String text) {
        public static final Filter NONE = new Filter(null, null);

        public Filter {
            action = action == null || action.isBlank() ? null : action.strip();
            text = text == null || text.isBlank() ? null : text.strip();
        }
    }

    public long count(Filter filter) {
        return where(em.createQuery("SELECT COUNT(a) FROM AuditEntry a" + clause(filter), Long.class), filter).getSingleResult();
    }

    /** Newest first. */
    public List<AuditEntry> page(Filter filter, int offset, int limit) {
        return where(em.createQuery("SELECT a FROM AuditEntry a" + clause(filter) + " ORDER BY a.id DESC", AuditEntry.class), filter)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private static String clause(Filter filter) {
        List<String> conditions = new java.util.ArrayList<>();
        if (filter.action() != null) {
            conditions.add("a.action = :action");
        }
        if (filter.text() != null) {
            conditions.add("(LOWER(a.target) LIKE :text OR LOWER(a.staffEmail) LIKE :text)");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static <T> jakarta.persistence.TypedQuery<T> where(jakarta.persistence.TypedQuery<T> query, Filter filter) {
        if (filter.action() != null) {
            query.setParameter("action", filter.action());
        }
        if (filter.text() != null) {
            query.setParameter("text", org.examcert.platform.database.Like.containing(filter.text().toLowerCase(java.util.Locale.ROOT)));
        }
        return query;
    }

    private static String json(Object state) {
        if (state == null) {
            return null;
        }
        if (state instanceof jakarta.json.JsonValue value) {
            return value.toString();
        }
        return JSON.toJson(state);
    }
}
