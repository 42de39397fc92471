package org.examcert.mail;

import java.util.Optional;

/**
 * Produces the attachment a queued mail refers to, at sending time (a certificate's PDF, say), so
 * the outbox stores a reference and not the bytes. Implemented by the capability that owns the
 * thing attached.
 */
public interface Attachments {

    record Attachment(String fileName, String contentType, byte[] content) {
    }

    /** Whether this source knows references of this kind (the part before the first ':'). */
    boolean handles(String reference);

    Optional<Attachment> resolve(String reference);
}
