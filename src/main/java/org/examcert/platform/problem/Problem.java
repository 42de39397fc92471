package org.examcert.platform.problem;

import java.util.List;
import java.util.Objects;

/**
 * A refusal a person can act on: an HTTP status, a stable {@code code} that clients may switch on,
 * and arguments for the Vietnamese (default) or English message found under that code in the
 * {@code messages} bundle. Pure Java, so domain rules may throw it too; {@link ProblemMapper}
 * turns it into application/problem+json. A problem never leaves a change half done: it is thrown
 * before anything is written, or rolls the transaction back.
 */
public class Problem extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Object> args;
    private final List<FieldError> fieldErrors;
    /** For 429 and 503: when to try again, sent as Retry-After. */
    private final Long retryAfterSeconds;
    private final int fieldErrorsTotal;

    /** One invalid field of a submitted form, for per-field messages. */
    public record FieldError(String field, String code, List<Object> args) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(code, "code");
            args = List.copyOf(args);
        }

        public static FieldError of(String field, String code, Object... args) {
            return new FieldError(field, code, List.of(args));
        }
    }

    public Problem(int status, String code, List<Object> args, List<FieldError> fieldErrors) {
        this(status, code, args, fieldErrors, fieldErrors.size(), null);
    }

    /**
     * A problem whose field errors are only the first of {@code fieldErrorsTotal} (an import of a
     * hostile file may have millions): the body lists these and says how many there were.
     */
    public Problem(int status, String code, List<Object> args, List<FieldError> fieldErrors, int fieldErrorsTotal) {
        this(status, code, args, fieldErrors, fieldErrorsTotal, null);
    }

    private Problem(int status, String code, List<Object> args, List<FieldError> fieldErrors, int fieldErrorsTotal,
                    Long retryAfterSeconds) {
        // a refusal, not a failure: no stack trace is ever read (unexpected failures are logged as
        // themselves), and filling one in on every 503 of a crowd costs what serving it does
        super(code + " " + args, null, false, false);
        if (fieldErrorsTotal < fieldErrors.size()) {
            throw new IllegalArgumentException("fewer errors in total than listed");
        }
        this.fieldErrorsTotal = fieldErrorsTotal;
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.args = List.copyOf(args);
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static Problem badRequest(String code, Object... args) {
        return new Problem(400, code, List.of(args), List.of());
    }

    public static Problem invalid(List<FieldError> fieldErrors) {
        return new Problem(400, "request.invalid-fields", List.of(fieldErrors.size()), fieldErrors);
    }

    public static Problem unauthorized(String code, Object... args) {
        return new Problem(401, code, List.of(args), List.of());
    }

    public static Problem forbidden(String code, Object... args) {
        return new Problem(403, code, List.of(args), List.of());
    }

    public static Problem notFound(String code, Object... args) {
        return new Problem(404, code, List.of(args), List.of());
    }

    /** The address exists, the method does not (405; the caller sets the Allow header). */
    public static Problem methodNotAllowed() {
        return new Problem(405, "http.method-not-allowed", List.of(), List.of());
    }

    public static Problem conflict(String code, Object... args) {
        return new Problem(409, code, List.of(args), List.of());
    }

    /**
     * The service cannot take this request now but will soon (its database is reconnecting, or it
     * is admitting no more work): 503 with a Retry-After that clients honour before trying again.
     */
    public static Problem unavailable(String code, java.time.Duration retryAfter, Object... args) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new Problem(503, code, List.of(args), List.of(), 0, seconds);
    }

    /** 429: too many attempts; the client may try again after {@code retryAfterSeconds}, the message's first argument. */
    public static Problem tooManyRequests(String code, long retryAfterSeconds) {
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("Retry-After is at least one second, not " + retryAfterSeconds);
        }
        return new Problem(429, code, List.of(retryAfterSeconds), List.of(), 0, retryAfterSeconds);
    }

    public static Problem unprocessable(String code, Object... args) {
        return new Problem(422, code, List.of(args), List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** How many field errors there were, of which {@link #fieldErrors()} lists the first. */
    public int fieldErrorsTotal() {
        return fieldErrorsTotal;
    }

    public java.util.OptionalLong retryAfterSeconds() {
        return retryAfterSeconds == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(retryAfterSeconds);
    }
}
