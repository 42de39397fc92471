package org.examcert.platform.http;

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
        candidateLimit = config.getOptionalValue(CANDIDATE_LIMIT, Long.class).orElse(CANDIDATE_DEFAULT);
        consoleLimit = config.getOptionalValue(CONSOLE_LIMIT, Long.class).orElse(CONSOLE_DEFAULT);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        boolean json = type != null && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
        Limit limit = limit(json);
        InputStream raw = context.getInputStream();
        try {
            BoundedBody.checkDeclared(context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH), limit.bytes(), limit.refusal());
            BoundedBody body = new BoundedBody(raw, limit.bytes(), limit.refusal());
            if (json && StrictJson.binds(context.getType())) {
                return StrictJson.bind(StrictJson.parse(body), context.getType());
            }
            context.setInputStream(body);
            return context.proceed();
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

    private record Limit(long bytes, Problem refusal) {
    }

    private Limit limit(boolean json) {
        String path = uriInfo == null ? "" : uriInfo.getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (!path.startsWith("console/")) {
            return new Limit(candidateLimit, BoundedBody.tooLarge(candidateLimit));
        }
        // the console's imports take files, refused as uploads (upload.too-large, which its import
        // forms know); everything else it is sent is JSON
        return json ? new Limit(consoleLimit, BoundedBody.tooLarge(consoleLimit))
                : new Limit(Uploads.MAX_BYTES, Uploads.tooLarge());
    }
}
