package org.examcert.candidate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.candidate.UnitKey;
import org.examcert.candidate.entity.Unit;
import org.examcert.platform.problem.Problem;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The organization's units and their expected members. */
@ApplicationScoped
public class Units {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    /** How a save went, for the organizer's report. */
    public enum Change { ADDED, UPDATED, UNCHANGED }

    public List<Unit> all() {
        return em.createQuery("SELECT u FROM Unit u ORDER BY u.name", Unit.class).getResultList();
    }

    public Optional<Unit> byCode(String code) {
        return em.createQuery("SELECT u FROM Unit u WHERE u.code = :c", Unit.class).setParameter("c", code)
                .getResultStream().findFirst();
    }

    /** Creates or changes the unit with this code; a name another unit has is refused. */
    public Change save(String code, String name, int expectedMembers, Instant now) {
        Optional<Unit> sameName = em.createQuery("SELECT u FROM Unit u WHERE u.matchKey = :k", Unit.class)
                .setParameter("k", UnitKey.of(name)).getResultStream().findFirst();
        if (sameName.isPresent() && !sameName.get().code().equals(code)) {
            throw Problem.conflict("unit.name-taken", sameName.get().name(), sameName.get().code());
        }
        Optional<Unit> existing = byCode(code);
        if (existing.isEmpty()) {
            em.persist(new Unit(code, name, expectedMembers, now));
            em.flush();
            return Change.ADDED;
        }
        boolean changed = existing.get().describe(name, expectedMembers, now);
        em.flush();
        return changed ? Change.UPDATED : Change.UNCHANGED;
    }

    public record ImportReport(int units, int added, int updated, boolean saved) {
    }

    /** Saves every row of a validated workbook (one transaction: all rows or none); a dry run only counts. */
    public ImportReport importRows(List<org.examcert.candidate.UnitRow> rows, boolean dryRun, Instant now) {
        int added = 0, updated = 0;
        for (org.examcert.candidate.UnitRow row : rows) {
            Optional<Unit> existing = byCode(row.code());
            if (dryRun) {
                if (existing.isEmpty()) {
                    added++;
                } else if (existing.get().wouldChange(row.name(), row.expectedMembers())) {
                    updated++;
                }
                continue;
            }
            switch (save(row.code(), row.name(), row.expectedMembers(), now)) {
                case ADDED -> added++;
                case UPDATED -> updated++;
                case UNCHANGED -> { }
            }
        }
        return new ImportReport(rows.size(), added, updated, !dryRun);
    }
}
