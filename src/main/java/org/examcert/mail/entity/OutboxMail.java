package org.examcert.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.examcert.mail.MailFailure;
import org.examcert.mail.MailState;
import org.examcert.mail.RetryPolicy;

import java.time.Instant;
import java.util.Objects;

/** One mail to send: its content, an optional attachment reference, and its delivery state. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;
    private String subject;

    @Column(name = "body_text")
    private String bodyText;

    @Column(name = "body_html")
    private String bodyHtml;

    @Column(name = "attachment_ref")
    private String attachmentRef;

    private String batch;

    @Enumerated(EnumType.STRING)
    private MailState status;

    private int tries;

    @Column(name = "next_try_at")
    private Instant nextTryAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected OutboxMail() {
    }

    public OutboxMail(String recipient, String subject, String bodyText, String bodyHtml, String attachmentRef, String batch,
                      Instant now) {
        this.recipient = Objects.requireNonNull(recipient);
        this.subject = Objects.requireNonNull(subject);
        this.bodyText = Objects.requireNonNull(bodyText);
        this.bodyHtml = Objects.requireNonNull(bodyHtml);
        this.attachmentRef = attachmentRef;
        this.batch = batch;
        this.status = MailState.PENDING;
        this.nextTryAt = now;
        this.createdAt = now;
    }

    public void sent(Instant now) {
        this.status = MailState.SENT;
        this.tries++;
        this.sentAt = now;
        this.lastError = null;
    }

    /** A failed try: tried again later, or a dead letter when the failure is permanent or tries are used up. */
    public void failed(MailFailure failure, RetryPolicy retries, Instant now) {
        this.tries++;
        // the reason, not the exception's text: organizers read it (the log keeps the detail)
        this.lastError = failure.name();
        if (!failure.permanent() && retries.triesAgain(tries)) {
            this.nextTryAt = retries.nextTry(tries, now);
        } else {
            this.status = MailState.DEAD;
        }
    }

    /** An organizer sends it (again): back in the queue, due now. */
    public void requeue(Instant now) {
        this.status = MailState.PENDING;
        this.tries = 0;
        this.nextTryAt = now;
    }

    public Long id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String bodyText() {
        return bodyText;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public String attachmentRef() {
        return attachmentRef;
    }

    public String batch() {
        return batch;
    }

    public MailState status() {
        return status;
    }

    public int tries() {
        return tries;
    }

    public Instant nextTryAt() {
        return nextTryAt;
    }

    /** Why the last try failed, if it did. */
    public java.util.Optional<MailFailure> lastFailure() {
        return java.util.Optional.ofNullable(lastError).map(MailFailure::stored);
    }

    public Instant sentAt() {
        return sentAt;
    }
}
