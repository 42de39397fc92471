package org.examcert.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How often the launcher may restart a child that died: at most {@code restarts} within
 * {@code window}. A crash now and then is survived; a child that dies again and again (a broken
 * configuration, a full disk) is not restarted forever, so the operator sees it fail.
 */
public final class RestartBudget {

    private final int restarts;
    private final Duration window;
    private final Deque<Instant> recent = new ArrayDeque<>();

    public RestartBudget(int restarts, Duration window) {
        if (restarts < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a budget of restarts >= 0 within a positive window");
        }
        this.restarts = restarts;
        this.window = window;
    }

    /** Spends one restart at {@code now} if the budget allows it. */
    public synchronized boolean spend(Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
            recent.pollFirst();
        }
        if (recent.size() >= restarts) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    /** Restarts spent within the window, after the last {@link #spend}. */
    public synchronized int spent() {
        return recent.size();
    }

    public int limit() {
        return restarts;
    }

    public Duration window() {
        return window;
    }
}
