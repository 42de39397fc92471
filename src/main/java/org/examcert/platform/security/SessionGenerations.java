package org.examcert.platform.security;

import org.examcert.platform.database.Database;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Each account's session generation (table session_generation; no row is generation 0). A token is
 * valid only while it names its account's current generation, so bumping it ends every session of
 * that account at once. Checked on every authenticated request from a Caffeine cache, without a
 * database round trip: this instance drops its entry when a revocation commits, and
 * {@link SessionRevocationWatch} reads the last seconds' revocations from the database every second,
 * so another instance honours a revocation within about a second.
 */
@ApplicationScoped
public class SessionGenerations {

    /** Revocations read back by each poll; generous, so a slow commit is still seen (re-reading is harmless). */
    static final int RECENT_SECONDS = 10;

    /** Whose sessions: candidates and staff are numbered separately. */
    public enum Kind {
        CANDIDATE, STAFF;

        public static Kind of(Role role) {
            return role.isStaff() ? STAFF : CANDIDATE;
        }
    }

    public record Account(Kind kind, long id) {
    }

    /** Fired (within the revoking transaction) so that this instance forgets the old generation once it commits. */
    public record Revoked(Account account) {
    }

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    Event<Revoked> revoked;

    private final LoadingCache<Account, Long> current = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build(this::read);

    /** The generation a token must name to be valid now. */
    public long current(Role role, long subject) {
        return current.get(new Account(Kind.of(role), subject));
    }

    /** The generation as stored, for a session about to be opened (never a stale cached one). */
    public long fresh(Role role, long subject) {
        Account account = new Account(Kind.of(role), subject);
        long generation = read(account);
        current.asMap().merge(account, generation, Math::max);
        return generation;
    }

    /** Ends every session of this account, on every instance; part of the caller's transaction, which its boundary starts. */
    public void revoke(Role role, long subject) {
        Account account = new Account(Kind.of(role), subject);
        em.createNativeQuery("INSERT INTO session_generation (account_kind, account_id, generation, changed_at) "
                        + "VALUES (?1, ?2, 1, CURRENT_TIMESTAMP(3)) "
                        + "ON DUPLICATE KEY UPDATE generation = generation + 1, changed_at = CURRENT_TIMESTAMP(3)")
                .setParameter(1, account.kind().name())
                .setParameter(2, subject)
                .executeUpdate();
        revoked.fire(new Revoked(account));
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) Revoked event) {
        current.invalidate(event.account());
    }

    /** Applies the revocations of the last seconds, committed on any instance, to this instance's cache. */
    void applyRecentRevocations() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT account_kind, account_id, generation FROM session_generation "
                     + "WHERE changed_at >= CURRENT_TIMESTAMP(3) - INTERVAL " + RECENT_SECONDS + " SECOND")) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Account account = new Account(Kind.valueOf(rs.getString(1)), rs.getLong(2));
                    long generation = rs.getLong(3);
                    current.asMap().computeIfPresent(account, (k, cached) -> Math.max(cached, generation));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read recent session revocations: " + e.getMessage(), e);
        }
    }

    private long read(Account account) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT generation FROM session_generation WHERE account_kind = ? AND account_id = ?")) {
            select.setString(1, account.kind().name());
            select.setLong(2, account.id());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a session generation: " + e.getMessage(), e);
        }
    }
}
