package org.examcert.questionbank;

import java.time.Instant;

/**
 * An organizer edited a question or imported a bank. Fired by the boundary in the action's transaction; the console's audit log observes it
 * there, so an action that rolls back leaves no entry. {@code before} and {@code after} are views
 * of the thing (null when it did not or no longer exists).
 */
public record BankAction(long staffId, String action, String target, Object before, Object after, Instant at) {
}
