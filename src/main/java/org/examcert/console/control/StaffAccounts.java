package org.examcert.console.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.examcert.platform.database.UniqueKey;
import jakarta.persistence.PersistenceContext;
import org.examcert.console.entity.StaffAccount;
import org.examcert.platform.security.PasswordHashing;
import org.examcert.platform.security.Role;
import org.examcert.platform.security.Sessions;

import org.examcert.platform.text.EmailAddress;
import org.examcert.platform.problem.Problem;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Staff accounts and their log-in. */
@ApplicationScoped
public class StaffAccounts {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    PasswordHashing passwords;
    @Inject
    Sessions sessions;

    /** The same for every staff account, the first administrator included. */
    public static final int MIN_PASSWORD = 12;

    public StaffAccount create(String email, String fullName, Role role, String password, Instant now) {
        String address = EmailAddress.parse(email)
                .orElseThrow(() -> Problem.badRequest("staff.email-invalid"));
        if (role == null || !role.isStaff()) {
            throw Problem.badRequest("staff.role-invalid");
        }
        checkPassword(password);
        if (byEmail(address).isPresent()) {
            throw Problem.conflict("staff.email-taken", address);
        }
        StaffAccount account = new StaffAccount(address, fullName, role, passwords.hash(password), now);
        em.persist(account);
        // another request may have created the same e-mail while this one hashed its password
        UniqueKey.flush(em, "uq_staff_email", () -> Problem.conflict("staff.email-taken", address));
        return account;
    }

    public List<StaffAccount> all() {
        return em.createQuery("SELECT s FROM StaffAccount s ORDER BY s.email", StaffAccount.class).getResultList();
    }

    public StaffAccount require(long id) {
        StaffAccount account = em.find(StaffAccount.class, id);
        if (account == null) {
            throw Problem.notFound("staff.not-found", id);
        }
        return account;
    }

    public Optional<StaffAccount> byEmail(String email) {
        return em.createQuery("SELECT s FROM StaffAccount s WHERE s.email = :e", StaffAccount.class)
                .setParameter("e", email).getResultStream().findFirst();
    }

    /**
     * Applies an administrator's change. A new password, disabling or another role ends the account's
     * sessions everywhere (when the change commits); returns whether it did.
     */
    public boolean change(StaffAccount account, String fullName, Role role, Boolean active, String password, long byStaffId) {
        if (password != null) {
            checkPassword(password);
        }
        Role before = account.role();
        boolean wasActive = account.active();
        account.change(fullName, role, active, password == null ? null : passwords.hash(password), account.id() == byStaffId);
        boolean revoke = password != null || account.role() != before || (wasActive && !account.active());
        if (revoke) {
            sessions.revokeAll(before, account.id());
        }
        return revoke;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            throw Problem.badRequest("staff.password-too-short", MIN_PASSWORD);
        }
    }

    public long count() {
        return em.createQuery("SELECT COUNT(s) FROM StaffAccount s", Long.class).getSingleResult();
    }

    public Optional<StaffAccount> authenticate(String email, String password) {
        Optional<StaffAccount> account = em.createQuery("SELECT s FROM StaffAccount s WHERE s.email = :e", StaffAccount.class)
                .setParameter("e", email == null ? "" : email.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
        boolean matches = passwords.matches(password, account.map(StaffAccount::passwordHash).orElse(null));
        return matches && account.get().active() ? account : Optional.empty();
    }
}
