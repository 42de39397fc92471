package org.examcert.platform.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.examcert.platform.database.DatabaseConflict;
import org.examcert.platform.database.DatabaseUnavailable;
import org.examcert.platform.database.UniqueKey;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one mapper from exceptions to RFC 9457 application/problem+json. Every body carries a stable
 * {@code code} and a message in the client's language; unexpected failures are logged with an
 * incident id that the body repeats, and never expose a stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem = asProblem(failure);
        Locale locale = Messages.pick(headers == null ? List.of() : headers.getAcceptableLanguages());
        // the path as the client sent it, as the servlet filters and the error page name it (not relative to /api)
        Map<String, Object> body = body(problem, failure, locale, uriInfo == null ? null : uriInfo.getRequestUri().getRawPath());
        Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON).entity(body);
        problem.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds));
        return response.build();
    }

    /**
     * The same answer written by a servlet or filter that serves an API path without JAX-RS (the
     * door's refusals, the answer saves): status, Retry-After and the problem+json body.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        Problem problem = asProblem(failure);
        // without Accept-Language the servlet container reports its own locale; the API's default is Vietnamese
        Locale locale = Messages.pick(request.getHeader("Accept-Language") == null
                ? List.of() : Collections.list(request.getLocales()));
        send(response, problem, body(problem, failure, locale, request.getRequestURI()));
    }

    /**
     * Writes a problem's status, Retry-After and problem+json body: the one writer for servlets and
     * filters (the door, the answer saves, the error page, the metrics guard).
     */
    public static void send(HttpServletResponse response, Problem problem, Map<String, Object> body) throws IOException {
        response.setStatus(problem.status());
        problem.retryAfterSeconds().ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)));
        response.setCharacterEncoding("UTF-8");
        response.setContentType(PROBLEM_JSON.toString());
        response.getWriter().write(Json.B.toJson(body));
    }

    /** Created on first use: only servlets write problems themselves, JAX-RS brings its own. */
    private static final class Json {
        static final Jsonb B = JsonbBuilder.create();
    }

    /** The body; an unexpected failure is logged with an incident id that the body repeats. */
    private static Map<String, Object> body(Problem problem, Throwable failure, Locale locale, String path) {
        Map<String, Object> body = body(problem, locale, path);
        if (problem.status() >= 500 && problem.status() != 503) {
            String incident = UUID.randomUUID().toString();
            body.put("incident", incident);
            LOG.log(Level.SEVERE, "event=request.failed incident=" + incident, failure);
        }
        return body;
    }

    /** The problem+json body; also used by the servlet error page for paths outside JAX-RS. */
    public static Map<String, Object> body(Problem problem, Locale locale, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:examcert:problem:" + problem.code());
        body.put("title", Messages.format(locale, problem.code(), problem.args()));
        body.put("status", problem.status());
        body.put("code", problem.code());
        if (path != null) {
            body.put("instance", path.startsWith("/") ? path : "/" + path);
        }
        problem.retryAfterSeconds().ifPresent(seconds -> body.put("retryAfterSeconds", seconds));
        if (!problem.fieldErrors().isEmpty()) {
            body.put("errors", problem.fieldErrors().stream().map(e -> Map.of(
                    "field", e.field(),
                    "code", e.code(),
                    "message", Messages.format(locale, e.code(), e.args()))).toList());
            body.put("errorsTotal", problem.fieldErrorsTotal());
            body.put("errorsTruncated", problem.fieldErrorsTotal() > problem.fieldErrors().size());
        }
        return body;
    }

    static Problem asProblem(Throwable failure) {
        // a problem may arrive wrapped: by a parameter converter, or by a parser reading a bounded body
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Problem problem) {
                return problem;
            }
        }
        if (DatabaseUnavailable.explains(failure)) {
            // The database is restarting or unreachable: a moment's wait, not a server error.
            return Problem.unavailable("service.reconnecting", DatabaseUnavailable.RETRY_AFTER);
        }
        if (UniqueKey.violated(failure)) {
            // a rival request wrote the same unique value first (the check before this write could not
            // see it): the same refusal a check would give, in general words; nothing was kept. Logged,
            // as a write no check guards may also be a bug
            LOG.log(Level.WARNING, "event=request.unique-key-race", failure);
            return Problem.conflict("data.taken-meanwhile");
        }
        if (DatabaseConflict.explains(failure)) {
            // Rolled back by the database for another transaction's sake: nothing was kept, try again.
            return Problem.unavailable("database.conflict", DatabaseConflict.RETRY_AFTER, DatabaseConflict.RETRY_AFTER.toSeconds());
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 400 && hasCause(web, JsonbException.class)) {
                return Problem.badRequest("request.malformed-json");
            }
            return switch (status) {
                case 400 -> Problem.badRequest("request.malformed");
                case 401 -> Problem.unauthorized("auth.required");
                case 403 -> Problem.forbidden("auth.forbidden");
                case 404 -> Problem.notFound("http.not-found");
                case 405 -> Problem.methodNotAllowed();
                case 406 -> new Problem(406, "http.not-acceptable", List.of(), List.of());
                case 415 -> new Problem(415, "http.unsupported-media-type", List.of(), List.of());
                default -> new Problem(status >= 400 ? status : 500, "http.error", List.of(status), List.of());
            };
        }
        if (failure instanceof JsonbException || failure instanceof ProcessingException
                || hasCause(failure, JsonbException.class) || hasCause(failure, jakarta.json.stream.JsonParsingException.class)) {
            return Problem.badRequest("request.malformed-json");
        }
        return new Problem(500, "server.error", List.of(), List.of());
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
