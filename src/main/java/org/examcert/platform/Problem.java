package org.examcert.platform;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

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
    /** For 429 and 503: how long the client should wait before trying again (the Retry-After header). */
    private final Duration retryAfter;

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
        this(status, code, args, fieldErrors, null);
    }

    private Problem(int status, String code, List<Object> args, List<FieldError> fieldErrors,
                    Duration retryAfter) {
        super(code + " " + args);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.args = List.copyOf(args);
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfter = retryAfter;
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

    public static Problem conflict(String code, Object... args) {
        return new Problem(409, code, List.of(args), List.of());
    }

    public static Problem unprocessable(String code, Object... args) {
        return new Problem(422, code, List.of(args), List.of());
    }

    /**
     * The service cannot take this request now but will soon (its database is reconnecting, or it
     * is admitting no more work): 503 with a Retry-After that clients honour before trying again.
     */
    public static Problem unavailable(String code, Duration retryAfter, Object... args) {
        return new Problem(503, code, List.of(args), List.of(), Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /** Too many tries: 429 with the Retry-After the client must wait. */
    public static Problem tooManyRequests(String code, Duration retryAfter, Object... args) {
        return new Problem(429, code, List.of(args), List.of(), Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /** Whole seconds to wait before trying again, if this problem says so (at least 1). */
    public OptionalLong retryAfterSeconds() {
        return retryAfter == null ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
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
}
