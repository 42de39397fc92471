package org.examcert.console.control;

import jakarta.enterprise.context.ApplicationScoped;
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
 * describes, so an action that rolls back leaves no entry and one that commits always has one.
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

    public long count() {
        return em.createQuery("SELECT COUNT(a) FROM AuditEntry a", Long.class).getSingleResult();
    }

    /** Newest first. */
    public List<AuditEntry> page(int offset, int limit) {
        return em.createQuery("SELECT a FROM AuditEntry a ORDER BY a.id DESC", AuditEntry.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
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
