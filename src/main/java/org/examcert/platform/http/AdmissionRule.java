package org.examcert.platform.http;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Who gets in at the door when thousands press "Bắt đầu" in the same minute. Each kind of request
 * has its own budget of concurrent permits, so that starts can never starve answer saves, and a
 * short queue of its own in front of them (a few requests per permit, waiting at most a second or
 * so), so that a burst is smoothed instead of refused. A request that
 * finds the queue full is refused at once, and one whose wait runs out is refused then, with a
 * Retry-After estimated from the crowd at the door. Pure: the gate ({@link AdmissionFilter}) holds
 * the counters and the clock.
 */
public final class AdmissionRule {

    /** The kinds of request that are admitted by budget; everything else under /api is {@link #OTHER}. */
    public enum Kind {
        START, SUBMIT, LOGIN, REGISTRATION,
        /** One answer: written together with others' (no database connection of its own while it waits). */
        SAVE,
        /** The answers a device queued, sent together: one transaction, one connection each. */
        QUEUED_SAVE,
        OTHER;

        /** Its budget's key in configuration: {@code examcert.admission.} and this. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The longest a queued request may wait for a permit: a refusal must come soon, never after a hang. */
    public static final int MAX_WAIT_MILLIS = 5_000;
    /** At most this many queued requests per permit: a deeper queue only delays the same refusals. */
    public static final int MAX_QUEUE_PER_PERMIT = 8;
    static final int MIN_RETRY_SECONDS = 1;
    static final int MAX_RETRY_SECONDS = 30;

    private final Map<Kind, Integer> permits;
    private final int queuePerPermit;
    private final int waitMillis;

    /**
     * @param permits        concurrent permits per kind (each at least 1)
     * @param queuePerPermit requests that may wait per permit, 0 to {@link #MAX_QUEUE_PER_PERMIT}
     * @param waitMillis     the longest wait in the queue, 0 to {@link #MAX_WAIT_MILLIS}
     */
    public AdmissionRule(Map<Kind, Integer> permits, int queuePerPermit, int waitMillis) {
        EnumMap<Kind, Integer> copy = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            int value = Objects.requireNonNull(permits.get(kind), () -> "no admission budget for " + kind);
            if (value < 1) {
                throw new IllegalArgumentException("the admission budget for " + kind + " must be at least 1, not " + value);
            }
            copy.put(kind, value);
        }
        if (queuePerPermit < 0 || queuePerPermit > MAX_QUEUE_PER_PERMIT) {
            throw new IllegalArgumentException("the admission queue must be 0 to " + MAX_QUEUE_PER_PERMIT
                    + " requests per permit, not " + queuePerPermit);
        }
        if (waitMillis < 0 || waitMillis > MAX_WAIT_MILLIS) {
            throw new IllegalArgumentException("the admission wait must be 0 to " + MAX_WAIT_MILLIS + " ms, not " + waitMillis);
        }
        this.permits = copy;
        this.queuePerPermit = queuePerPermit;
        this.waitMillis = waitMillis;
    }

    public int permits(Kind kind) {
        return permits.get(kind);
    }

    public int waitMillis() {
        return waitMillis;
    }

    /** How many requests of this kind may wait for a permit. */
    public int queue(Kind kind) {
        return permits(kind) * queuePerPermit;
    }

    /** Whether a request that finds {@code waiting} others of its kind already queued may queue too, or is refused at once. */
    public boolean mayQueue(Kind kind, int waiting) {
        return waiting < queue(kind);
    }

    /**
     * The kind of an API request by method and path (relative to the context root, with or without
     * the leading slash); null for what is not under /api (static files, /health), which is never refused.
     */
    public static Kind classify(String method, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (!p.startsWith("api/")) {
            return null;
        }
        String[] s = p.substring(4).split("/", -1);
        if ("POST".equals(method)) {
            if (s.length == 3 && s[0].equals("contests") && s[2].equals("attempts")) {
                return Kind.START;
            }
            if (s.length == 3 && s[0].equals("attempts") && s[2].equals("submit")) {
                return Kind.SUBMIT;
            }
            if (s.length == 1 && s[0].equals("session") || s.length == 2 && s[0].equals("console") && s[1].equals("session")) {
                return Kind.LOGIN;
            }
            if (s.length == 1 && s[0].equals("candidates")) {
                return Kind.REGISTRATION;
            }
        }
        if ("PUT".equals(method) && (s.length == 4 || s.length == 3) && s[0].equals("attempts") && s[2].equals("answers")) {
            return s.length == 4 ? Kind.SAVE : Kind.QUEUED_SAVE;
        }
        return Kind.OTHER;
    }

    /**
     * Seconds a refused client should wait before it asks again: the time the kind's permits need
     * to serve the crowd refused in the last second at the recent service time, between 1 and 30
     * (clients add their own jitter, so the crowd comes back spread out, not in one wave).
     *
     * @param kind             the kind refused
     * @param refusedLastSecond refusals of this kind in the last second, this one included
     * @param serviceMillis    the recent mean time an admitted request of this kind took
     */
    public int retryAfterSeconds(Kind kind, long refusedLastSecond, double serviceMillis) {
        double perSecond = permits(kind) * 1000.0 / Math.max(1.0, serviceMillis);
        double seconds = Math.ceil(Math.max(1, refusedLastSecond) / perSecond);
        return (int) Math.max(MIN_RETRY_SECONDS, Math.min(MAX_RETRY_SECONDS, seconds));
    }
}
