package org.examcert.platform.http;

import org.examcert.platform.problem.Problem;
import org.examcert.platform.problem.ProblemMapper;
import org.examcert.platform.problem.Messages;
import org.examcert.platform.files.Uploads;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Error pages for paths outside the JAX-RS application (an unknown static file, say): the same
 * problem+json body as the API, never the container's HTML page or a stack trace.
 */
@WebServlet(name = "error-page", urlPatterns = "/error-page")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 404;
        Problem problem = switch (status) {
            case 404 -> Problem.notFound("http.not-found");
            case 405 -> Problem.methodNotAllowed();
            case 400 -> Problem.badRequest("request.malformed");
            case 413 -> new Problem(413, "request.too-large", List.of(Uploads.MAX_BYTES / 1024), List.of());
            default -> new Problem(status, status >= 500 ? "server.error" : "http.error", List.of(status), List.of());
        };
        Locale locale = Messages.pick(Collections.list(request.getLocales()));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemMapper.send(response, problem, ProblemMapper.body(problem, locale, uri == null ? null : uri.toString()));
    }
}
