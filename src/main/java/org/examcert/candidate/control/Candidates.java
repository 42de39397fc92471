package org.examcert.candidate.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.candidate.EligibilityRule;
import org.examcert.candidate.RegistrationForm;
import org.examcert.candidate.entity.Candidate;
import org.examcert.platform.Vietnam;
import org.examcert.platform.text.DrawableText;
import org.examcert.platform.text.GlyphCoverage;
import org.examcert.platform.security.PasswordHashing;
import org.examcert.platform.problem.Problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Registration and log-in of candidates. */
@ApplicationScoped
public class Candidates {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    // name and unit are printed on certificates: implemented by the certificate capability
    @Inject
    GlyphCoverage glyphs;

    public Candidate register(RegistrationForm form, Instant now) {
        RegistrationForm.Valid valid = form.validate(LocalDate.ofInstant(now, Vietnam.ZONE), EligibilityRule.youthUnion(),
                new DrawableText(glyphs::covers));
        if (byEmail(valid.email()).isPresent()) {
            throw new Problem(409, "candidate.email-taken", List.of(),
                    List.of(Problem.FieldError.of("email", "candidate.email-taken")));
        }
        Candidate candidate = new Candidate(valid, passwords.hash(valid.password()), now);
        em.persist(candidate);
        em.flush();
        return candidate;
    }

    /** The candidate with these credentials. */
    public Optional<Candidate> authenticate(String email, String password) {
        Optional<Candidate> candidate = byEmail(email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
        return passwords.matches(password, candidate.map(Candidate::passwordHash).orElse(null)) ? candidate : Optional.empty();
    }

    public Optional<Candidate> find(long id) {
        return Optional.ofNullable(em.find(Candidate.class, id));
    }

    public Optional<Candidate> byEmail(String email) {
        return em.createQuery("SELECT c FROM Candidate c WHERE c.email = :email", Candidate.class)
                .setParameter("email", email).getResultStream().findFirst();
    }
}
