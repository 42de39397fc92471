package org.examcert.platform.http;

import jakarta.servlet.http.HttpServletRequest;
import org.examcert.platform.problem.Problem;
import org.examcert.platform.json.StrictJson;
import org.examcert.platform.files.Uploads;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Every request body the API reads passes here: its size is bounded while it is read (a declared
 * Content-Length over the limit is refused before reading, a chunked body as soon as it crosses
 * the limit), and a JSON body is parsed and bound by {@link StrictJson}. The limit depends on who
 * calls: candidates send small JSON, the console larger JSON, and uploads files.
 */
@Provider
public class RequestBodies implements ReaderInterceptor {

    /** Setting names and defaults, documented in README.md, "Configuration". */
    static final String CANDIDATE_LIMIT = "examcert.request.max-bytes.candidate";
    static final String CONSOLE_LIMIT = "examcert.request.max-bytes.console";
    static final long CANDIDATE_DEFAULT = 16 * 1024;
    static final long CONSOLE_DEFAULT = 1024 * 1024;
    /** Most of a refused body read and dropped so that the refusal reaches the client. */
    static final long DRAIN_MAX = 32L * 1024 * 1024;

    private final long candidateLimit;
    private final long consoleLimit;

    @Context
    UriInfo uriInfo;

    public RequestBodies() {
        Config config = ConfigProvider.getConfig();
        candidateLimit = candidateLimit();
        consoleLimit = config.getOptionalValue(CONSOLE_LIMIT, Long.class).orElse(CONSOLE_DEFAULT);
    }

    /** The largest body a candidate's call may send ({@value #CANDIDATE_LIMIT}). */
    public static long candidateLimit() {
        return ConfigProvider.getConfig().getOptionalValue(CANDIDATE_LIMIT, Long.class).orElse(CANDIDATE_DEFAULT);
    }

    /**
     * A candidate's JSON body read by a servlet rather than JAX-RS (the answer saves): the same
     * bound while reading, the same strict binding, the same refusals (415, 413, 400).
     */
    public static <T> T candidateJson(HttpServletRequest request, long limit, Class<T> type) throws IOException {
        String contentType = request.getContentType();
        MediaType media;
        try {
            media = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            media = null;
        }
        if (media == null || !isJson(media)) {
            throw new Problem(415, "http.unsupported-media-type", java.util.List.of(), java.util.List.of());
        }
        return type.cast(bounded(request.getInputStream(), request.getHeader(HttpHeaders.CONTENT_LENGTH),
                new Limit(limit, () -> BoundedBody.tooLarge(limit)), body -> StrictJson.bind(StrictJson.parse(body), type)));
    }

    /** Whether a Content-Type header names JSON ({@code application/json}, any {@code +json}); false when absent or unreadable. */
    public static boolean isJson(String contentType) {
        try {
            return contentType != null && isJson(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isJson(MediaType type) {
        return "json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json");
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        boolean json = type != null && isJson(type);
        Limit limit = limit(json);
        return bounded(context.getInputStream(), context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH), limit, body -> {
            if (json && StrictJson.binds(context.getType())) {
                return StrictJson.bind(StrictJson.parse(body), context.getType());
            }
            context.setInputStream(body);
            return context.proceed();
        });
    }

    private interface BodyReader {
        Object read(BoundedBody body) throws IOException;
    }

    /**
     * Reads a body within its limit: a declared Content-Length over it is refused before reading, a
     * longer body as soon as it crosses it; a refused body is drained so that the refusal arrives.
     */
    private static Object bounded(InputStream raw, String contentLength, Limit limit, BodyReader reader) throws IOException {
        try {
            BoundedBody.checkDeclared(contentLength, limit.bytes(), limit.refusal());
            return reader.read(new BoundedBody(raw, limit.bytes(), limit.refusal()));
        } catch (Problem problem) {
            if (problem.status() == 413) {
                drain(raw);
            }
            throw problem;
        }
    }

    /**
     * Reads and drops what is left of a refused body, a buffer at a time, so the client (which
     * sends the whole body before it reads) gets the 413 instead of a reset connection. A body
     * beyond {@link #DRAIN_MAX} is not worth it: the connection is closed on it.
     */
    private static void drain(InputStream raw) {
        byte[] buffer = new byte[8192];
        long drained = 0;
        try {
            for (int n; drained < DRAIN_MAX && (n = raw.read(buffer)) >= 0; ) {
                drained += n;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or the body broke off: the refusal stands either way
        }
    }

    private record Limit(long bytes, Supplier<Problem> refusal) {
    }

    private Limit limit(boolean json) {
        String path = uriInfo == null ? "" : uriInfo.getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (!path.startsWith("console/")) {
            return new Limit(candidateLimit, () -> BoundedBody.tooLarge(candidateLimit));
        }
        // the console's imports take files, refused as uploads (upload.too-large, which its import
        // forms know); everything else it is sent is JSON
        return json ? new Limit(consoleLimit, () -> BoundedBody.tooLarge(consoleLimit))
                : new Limit(Uploads.MAX_BYTES, Uploads::tooLarge);
    }
}
