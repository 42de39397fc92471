package org.examcert.mail;

import java.util.Set;

/** pending → sent, or pending → dead after too many failures; a dead mail can be queued again. */
public enum MailState {
    PENDING, SENT, DEAD;

    public Set<MailState> next() {
        return switch (this) {
            case PENDING -> Set.of(SENT, DEAD, PENDING);
            case DEAD -> Set.of(PENDING);
            case SENT -> Set.of(PENDING);
        };
    }
}
