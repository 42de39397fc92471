package org.examcert.platform.http;

import org.examcert.platform.problem.Problem;
import org.examcert.platform.problem.ProblemMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The door of the API: a request takes a permit of its kind, queuing behind a few others for at most {@code examcert.admission.wait-millis}, or is answered 503 with
 * Retry-After and the problem+json body of {@link ProblemMapper} before any work is done: at once
 * when its kind's queue is full, at the end of the wait otherwise. A servlet filter rather than a JAX-RS one: the permit is released in a
 * {@code finally}, whatever happens after, and a refusal costs no session decoding or resource lookup.
 * The budgets come from MicroProfile Config ({@code examcert.admission.*}, docs/capacity.md).
 * Declared in web.xml, which sets the order of the filters.
 */
public class AdmissionFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(AdmissionFilter.class.getName());

    private AdmissionRule rule;
    private final Map<AdmissionRule.Kind, Gate> gates = new EnumMap<>(AdmissionRule.Kind.class);

    @Override
    public void init(FilterConfig config) {
        Config settings = ConfigProvider.getConfig();
        Map<AdmissionRule.Kind, Integer> permits = new EnumMap<>(AdmissionRule.Kind.class);
        for (AdmissionRule.Kind kind : AdmissionRule.Kind.values()) {
            String key = "examcert.admission." + kind.key();
            permits.put(kind, settings.getOptionalValue(key, Integer.class).orElseThrow(
                    () -> new IllegalStateException(key + " is not configured")));
        }
        rule = new AdmissionRule(permits, settings.getValue("examcert.admission.queue-per-permit", Integer.class),
                settings.getValue("examcert.admission.wait-millis", Integer.class));
        permits.forEach((kind, n) -> gates.put(kind, new Gate(n)));
        LOG.info("event=admission.configured permits=" + permits + " queuePerPermit=" + rule.queue(AdmissionRule.Kind.START)
                / rule.permits(AdmissionRule.Kind.START) + " waitMillis=" + rule.waitMillis());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        AdmissionRule.Kind kind = AdmissionRule.classify(request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()));
        if (kind == null) {
            chain.doFilter(req, res);
            return;
        }
        Gate gate = gates.get(kind);
        if (!gate.enter(kind)) {
            refuse(request, (HttpServletResponse) res, kind, gate);
            return;
        }
        Permit permit = new Permit(gate, System.nanoTime());
        request.setAttribute(PERMIT, permit);
        try {
            chain.doFilter(req, res);
        } finally {
            if (!permit.takenOver) {
                permit.release();
            }
        }
    }

    private static final String PERMIT = AdmissionFilter.class.getName() + ".permit";

    /**
     * Takes over the permit of a request that goes on asynchronously (an answer saved by another
     * thread), so that the door counts it until it is answered: the taker releases it then. Null
     * when the request holds none. Called on the request's own thread, before it returns.
     */
    public static Permit takeOver(ServletRequest request) {
        if (request.getAttribute(PERMIT) instanceof Permit permit) {
            permit.takenOver = true;
            return permit;
        }
        return null;
    }

    /** An admitted request's permit: released once, when the request returns or, if taken over, when it is answered. */
    public static final class Permit {
        private final Gate gate;
        private final long began;
        private final AtomicBoolean released = new AtomicBoolean();
        private boolean takenOver; // set and read on the request's own thread

        private Permit(Gate gate, long began) {
            this.gate = gate;
            this.began = began;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                gate.permits.release();
                gate.served(System.nanoTime() - began);
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, AdmissionRule.Kind kind, Gate gate)
            throws IOException {
        int seconds = rule.retryAfterSeconds(kind, gate.refused(System.nanoTime()), gate.serviceMillis());
        drain(request, response);
        response.setHeader("Cache-Control", "no-store");
        ProblemMapper.write(request, response, Problem.unavailable("server.busy", Duration.ofSeconds(seconds), seconds));
    }

    /** A refused request's body, read and dropped up to this size; beyond it the connection is closed. */
    private static final int MAX_DRAINED_BYTES = 64 * 1024;

    /**
     * Reads the refused request's body (a candidate's is a few bytes) before answering: left unread,
     * it makes the container close the client's keep-alive connection after the 503, and the
     * client's next request fails on it. A larger body is not read; the answer says the connection closes.
     */
    private static void drain(HttpServletRequest request, HttpServletResponse response) {
        if (request.getContentLengthLong() > MAX_DRAINED_BYTES) {
            response.setHeader("Connection", "close");
            return;
        }
        byte[] buffer = new byte[8192];
        long read = 0;
        try {
            var in = request.getInputStream();
            for (int n; (n = in.read(buffer)) != -1; ) {
                read += n;
                if (read > MAX_DRAINED_BYTES) {
                    response.setHeader("Connection", "close");
                    return;
                }
            }
        } catch (IOException e) {
            response.setHeader("Connection", "close");
        }
    }

    /** One kind's permits, its queue, its recent service time and its refusals in the current second. */
    private final class Gate {
        private final Semaphore permits;
        private final AtomicInteger waiting = new AtomicInteger();
        // an exponentially weighted mean in microseconds; a lost update under a race only blurs it a little
        private final AtomicLong serviceMicros = new AtomicLong(50_000);
        private final AtomicLong refusalSecond = new AtomicLong();
        private final AtomicLong refusals = new AtomicLong();

        Gate(int permits) {
            // Not fair: a released permit goes to whoever asks first, a newcomer or the longest waiting.
            // A fair semaphore hands permits down its queue one wake-up at a time, and on two busy cores
            // those wake-ups lag so far behind the releases that permits sat idle while the queue was
            // full and newcomers were refused (measured: 20 of 24 save permits free, 48 waiting).
            this.permits = new Semaphore(permits, false);
        }

        /** Takes a permit, at once or after queuing; false when the queue is full or the wait ran out. */
        boolean enter(AdmissionRule.Kind kind) {
            if (permits.tryAcquire()) {
                return true;
            }
            if (!rule.mayQueue(kind, waiting.getAndIncrement())) {
                waiting.decrementAndGet();
                return false;
            }
            try {
                return permits.tryAcquire(rule.waitMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                waiting.decrementAndGet();
            }
        }

        void served(long nanos) {
            long micros = nanos / 1000;
            serviceMicros.getAndUpdate(mean -> mean + (micros - mean) / 16);
        }

        double serviceMillis() {
            return serviceMicros.get() / 1000.0;
        }

        /** Counts a refusal; returns the refusals in the current second, this one included. */
        long refused(long nanoTime) {
            long second = nanoTime / 1_000_000_000L;
            long previous = refusalSecond.getAndSet(second);
            if (previous != second) {
                refusals.set(0);
            }
            return refusals.incrementAndGet();
        }
    }
}
