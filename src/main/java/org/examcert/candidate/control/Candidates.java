package org.examcert.candidate.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.examcert.candidate.CandidateProfile;
import org.examcert.candidate.EligibilityRule;
import org.examcert.candidate.RegistrationForm;
import org.examcert.candidate.StandardBoard;
import org.examcert.candidate.entity.Candidate;
import org.examcert.platform.Vietnam;
import org.examcert.platform.database.Database;
import org.examcert.platform.database.UniqueKey;
import org.examcert.platform.text.DrawableText;
import org.examcert.platform.text.GlyphCoverage;
import org.examcert.platform.security.PasswordHashing;
import org.examcert.platform.problem.Problem;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Registration and log-in of candidates. */
@ApplicationScoped
public class Candidates {

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    PasswordHashing passwords;

    // name and unit are printed on certificates: implemented by the certificate capability
    @Inject
    GlyphCoverage glyphs;

    public Candidate register(RegistrationForm form, Instant now) {
        RegistrationForm.Valid valid = form.validate(LocalDate.ofInstant(now, Vietnam.ZONE), EligibilityRule.youthUnion(),
                new DrawableText(glyphs::covers));
        if (byEmail(valid.email()).isPresent()) {
            throw emailTaken();
        }
        Candidate candidate = new Candidate(valid, passwords.hash(valid.password()), now);
        em.persist(candidate);
        // another tab may have registered the same e-mail while this one hashed its password
        UniqueKey.flush(em, "uq_candidate_email", Candidates::emailTaken);
        return candidate;
    }

    private static Problem emailTaken() {
        return new Problem(409, "candidate.email-taken", List.of(), List.of(Problem.FieldError.of("email", "candidate.email-taken")));
    }

    /** The candidate with these credentials. */
    public Optional<Candidate> authenticate(String email, String password) {
        Optional<Candidate> candidate = byEmail(email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
        return passwords.matches(password, candidate.map(Candidate::passwordHash).orElse(null)) ? candidate : Optional.empty();
    }

    /**
     * Locks the candidate's row until the transaction ends and reads what a start checks: every
     * locked start of one candidate runs after the one before it has committed. Plain JDBC on the
     * transaction's connection, one statement.
     */
    public Optional<CandidateProfile> lockForStart(long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lock = connection.prepareStatement("SELECT birth_date, board FROM candidate WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, id);
            try (ResultSet row = lock.executeQuery()) {
                // getDate, not getObject(1, LocalDate.class): the pool's JDBC 4.0 wrapper finds that
                // method by reflection on every call, through a NoSuchMethodException (a sixth of a start)
                return row.next()
                        ? Optional.of(new CandidateProfile(id, row.getDate(1).toLocalDate(), StandardBoard.valueOf(row.getString(2))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("locking candidate " + id + " failed: " + e.getMessage(), e);
        }
    }

    public Optional<Candidate> find(long id) {
        return Optional.ofNullable(em.find(Candidate.class, id));
    }

    public Optional<Candidate> byEmail(String email) {
        return em.createQuery("SELECT c FROM Candidate c WHERE c.email = :email", Candidate.class)
                .setParameter("email", email).getResultStream().findFirst();
    }
}
