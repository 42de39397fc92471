package org.examcert.mail;

import java.util.Locale;

/**
 * Why a mail could not be sent, in words an organizer can act on (the message under
 * {@link #messageCode()}); the technical detail goes to the log only. A permanent failure makes the
 * mail a dead letter at once: trying again cannot help, an organizer must correct the address.
 */
public enum MailFailure {
    /** The address is not one (a typing mistake, or markup registered before addresses were checked). */
    ADDRESS_INVALID(true),
    /** The mail server refused the recipient for good (no such mailbox, say). */
    RECIPIENT_REFUSED(true),
    /** The mail server could not be reached or answered "try later". */
    SERVER_UNAVAILABLE(false),
    /** The certificate to attach could not be produced. */
    ATTACHMENT_FAILED(false),
    /** Anything else; the log has the detail. */
    OTHER(false);

    private final boolean permanent;

    MailFailure(boolean permanent) {
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }

    public String messageCode() {
        return "mail.failure." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The failure a stored reason names; text stored by older versions (an exception's) reads as {@link #OTHER}. */
    public static MailFailure stored(String reason) {
        for (MailFailure failure : values()) {
            if (failure.name().equals(reason)) {
                return failure;
            }
        }
        return OTHER;
    }
}
