package org.examcert.launcher;

import java.time.Duration;
import java.time.Instant;

/**
 * When a running Payara Micro that no longer answers is to be killed so that the launcher starts it
 * again: a JVM stuck in garbage collection, out of threads or deadlocked does not exit, and a child
 * that does not exit is never restarted. The service must first have answered once since it
 * started (deployment alone takes 20-70 s; a start that never answers is the operator's to see),
 * then a silence longer than {@code limit} means hung. Under overload the service still answers
 * its liveness check within a second or two (threads are kept free to refuse, docs/capacity.md),
 * so the limit is far above anything a busy but healthy instance shows.
 */
public final class HangWatch {

    /** What the launcher does after a probe. */
    public enum Verdict { KEEP, KILL }

    private final Duration limit;
    private Instant lastAnswer;

    /** @param limit how long a service that has answered may stay silent; zero turns the watch off */
    public HangWatch(Duration limit) {
        if (limit.isNegative()) {
            throw new IllegalArgumentException("the hang limit must not be negative: " + limit);
        }
        this.limit = limit;
    }

    /** A new child process: it owes no answer until it has given its first. */
    public synchronized void started() {
        lastAnswer = null;
    }

    /** The result of one liveness probe at {@code now}. */
    public synchronized Verdict probed(boolean answered, Instant now) {
        if (answered) {
            lastAnswer = now;
            return Verdict.KEEP;
        }
        if (limit.isZero() || lastAnswer == null || !now.isAfter(lastAnswer.plus(limit))) {
            return Verdict.KEEP;
        }
        lastAnswer = null; // one kill per hang: the restarted child starts owing nothing
        return Verdict.KILL;
    }

    public Duration limit() {
        return limit;
    }
}
