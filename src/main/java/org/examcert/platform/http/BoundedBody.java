package org.examcert.platform.http;

import org.examcert.platform.problem.Problem;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * A request body read with a size limit: refused (413 {@code request.too-large}) as soon as more
 * than the limit has been read, so an oversized or endless (chunked) body never sits in memory.
 */
public final class BoundedBody extends FilterInputStream {

    private final long limit;
    private final Supplier<Problem> refusal;
    private long count;

    public BoundedBody(InputStream in, long limit) {
        this(in, limit, () -> tooLarge(limit));
    }

    /**
     * A body refused with {@code refusal} (a 413 of its own, e.g. an upload's) once over {@code limit}
     * bytes; made only then, as most bodies are within their limit.
     */
    public BoundedBody(InputStream in, long limit, Supplier<Problem> refusal) {
        super(in);
        this.limit = limit;
        this.refusal = refusal;
    }

    /** The refusal for a body over {@code limit} bytes; the message names the limit in KiB. */
    public static Problem tooLarge(long limit) {
        return new Problem(413, "request.too-large", List.of(Math.max(1, limit / 1024)), List.of());
    }

    /** Refuses at once when a declared Content-Length is already over the limit. */
    public static void checkDeclared(String contentLength, long limit) {
        checkDeclared(contentLength, limit, () -> tooLarge(limit));
    }

    /** Refuses at once with {@code refusal} when a declared Content-Length is already over the limit. */
    public static void checkDeclared(String contentLength, long limit, Supplier<Problem> refusal) {
        if (contentLength == null || contentLength.isBlank()) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("request.malformed");
        }
        if (declared > limit) {
            throw refusal.get();
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw refusal.get();
        }
    }
}
