package org.examcert.console.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.console.entity.StaffAccount;
import org.examcert.platform.PasswordHashing;
import org.examcert.platform.Role;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Staff accounts and their log-in. */
@ApplicationScoped
public class StaffAccounts {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    public StaffAccount create(String email, String fullName, Role role, String password, Instant now) {
        StaffAccount account = new StaffAccount(email, fullName, role, passwords.hash(password), now);
        em.persist(account);
        return account;
    }

    public long count() {
        return em.createQuery("SELECT COUNT(s) FROM StaffAccount s", Long.class).getSingleResult();
    }

    public Optional<StaffAccount> authenticate(String email, String password) {
        Optional<StaffAccount> account = em.createQuery("SELECT s FROM StaffAccount s WHERE s.email = :e", StaffAccount.class)
                .setParameter("e", email == null ? "" : email.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
        return passwords.matches(password, account.map(StaffAccount::passwordHash).orElse(null)) ? account : Optional.empty();
    }
}
