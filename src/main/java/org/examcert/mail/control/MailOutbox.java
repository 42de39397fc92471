package org.examcert.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.examcert.mail.Attachments;
import org.examcert.mail.MailFailure;
import org.examcert.mail.RetryPolicy;
import org.examcert.mail.entity.OutboxMail;
import org.examcert.platform.text.EmailAddress;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** The outbox: mails are queued in the caller's transaction and sent later, one row lock each. */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

    @PersistenceContext(unitName = "examcert")
    EntityManager em;

    @Inject
    MailTransport transport;

    @Inject
    @Any
    Instance<Attachments> attachments;

    @Inject
    @ConfigProperty(name = "examcert.mail.retry.base-seconds", defaultValue = "5")
    int retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "examcert.mail.retry.cap-seconds", defaultValue = "1800")
    int retryCapSeconds;

    @Inject
    @ConfigProperty(name = "examcert.mail.retry.max-tries", defaultValue = "10")
    int maxTries;

    /** Queues a mail; it is sent only if the caller's transaction commits. {@code batch} may be null. */
    public OutboxMail enqueue(String recipient, String subject, String text, String html, String attachmentRef, String batch,
                              Instant now) {
        OutboxMail mail = new OutboxMail(recipient, subject, text, html, attachmentRef, batch, now);
        em.persist(mail);
        return mail;
    }

    /** How far a bulk operation's mails are: how many in each state. */
    public record Progress(String batch, long total, long sent, long pending, long dead) {
    }

    @SuppressWarnings("unchecked")
    public Progress progress(String batch) {
        long sent = 0;
        long pending = 0;
        long dead = 0;
        for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT status, COUNT(*) FROM mail_outbox WHERE batch = ?1 GROUP BY status")
                .setParameter(1, batch).getResultList()) {
            long n = ((Number) row[1]).longValue();
            switch (org.examcert.mail.MailState.valueOf((String) row[0])) {
                case SENT -> sent = n;
                case PENDING -> pending = n;
                case DEAD -> dead = n;
            }
        }
        return new Progress(batch, sent + pending + dead, sent, pending, dead);
    }

    @SuppressWarnings("unchecked")
    public List<Long> due(Instant now, int limit) {
        List<Number> ids = em.createNativeQuery("SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_try_at <= ?1"
                        + " ORDER BY next_try_at LIMIT ?2")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Sends one due mail if no other instance holds it (SKIP LOCKED). The row stays locked while
     * sending, so a second dispatcher skips it; a crash between sending and committing sends it
     * again later (a rare duplicate, never a loss).
     */
    public boolean sendIfDue(long mailId, Instant now) {
        List<?> locked = em.createNativeQuery("SELECT id FROM mail_outbox WHERE id = ?1 AND status = 'PENDING'"
                        + " AND next_try_at <= ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, mailId).setParameter(2, Timestamp.from(now)).getResultList();
        if (locked.isEmpty()) {
            return false;
        }
        OutboxMail mail = em.find(OutboxMail.class, mailId);
        em.refresh(mail);
        if (!EmailAddress.isValid(mail.recipient())) {
            // accepted before addresses were checked strictly: no server will ever take it
            mail.failed(MailFailure.ADDRESS_INVALID, retryPolicy(), now);
            LOG.warning(() -> "event=mail.failed id=" + mailId + " reason=ADDRESS_INVALID state=" + mail.status());
            return true;
        }
        MailTransport.Connection connection;
        try {
            connection = transport.open();
        } catch (Exception e) {
            failed(mail, MailTransport.reason(e), e, now);
            return true;
        }
        try (connection) {
            Optional<Attachments.Attachment> attachment;
            try {
                attachment = attachment(mail.attachmentRef());
                if (mail.attachmentRef() != null && attachment.isEmpty()) {
                    throw new IllegalStateException("attachment " + mail.attachmentRef() + " cannot be produced");
                }
            } catch (RuntimeException e) {
                failed(mail, MailFailure.ATTACHMENT_FAILED, e, now);
                return true;
            }
            try {
                connection.send(mail, attachment.orElse(null));
                mail.sent(now);
                LOG.info(() -> "event=mail.sent id=" + mailId + " to=" + mail.recipient());
            } catch (Exception e) {
                failed(mail, MailTransport.reason(e), e, now);
            }
        }
        return true;
    }

    private void failed(OutboxMail mail, MailFailure reason, Exception e, Instant now) {
        mail.failed(reason, retryPolicy(), now);
        LOG.warning(() -> "event=mail.failed id=" + mail.id() + " tries=" + mail.tries() + " reason=" + reason
                + " state=" + mail.status() + " error=" + e);
    }

    public Optional<OutboxMail> find(long id) {
        return Optional.ofNullable(em.find(OutboxMail.class, id));
    }

    public List<OutboxMail> withAttachment(String attachmentRef) {
        return em.createQuery("SELECT m FROM OutboxMail m WHERE m.attachmentRef = :ref ORDER BY m.id", OutboxMail.class)
                .setParameter("ref", attachmentRef).getResultList();
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(Duration.ofSeconds(retryBaseSeconds), Duration.ofSeconds(retryCapSeconds), maxTries);
    }

    private Optional<Attachments.Attachment> attachment(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        for (Attachments source : attachments) {
            if (source.handles(reference)) {
                return source.resolve(reference);
            }
        }
        return Optional.empty();
    }
}
