package org.examcert.candidate.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.examcert.candidate.RegistrationForm;
import org.examcert.candidate.entity.Candidate;
import org.examcert.candidate.control.Candidates;
import org.examcert.platform.security.Caller;
import org.examcert.platform.security.LoginThrottling;
import org.examcert.platform.problem.Problem;
import org.examcert.platform.security.Role;
import org.examcert.platform.security.Sessions;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.LocalDate;

/** Registration and the candidate's session. */
@Path("")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    Candidates candidates;
    @Inject
    Sessions sessions;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    LoginThrottling throttling;
    @Context
    HttpServletRequest request;

    public record Profile(long id, String fullName, LocalDate birthDate, String email, String phone, String unit,
                          String board, String boardName) {
        static Profile of(Candidate c) {
            return new Profile(c.id(), c.fullName(), c.birthDate(), c.email(), c.phone(), c.unit(),
                    c.board().name(), c.board().nameVi());
        }
    }

    public record Credentials(String email, String password) {
    }

    public record SessionView(String role, String token, Profile candidate) {
    }

    @POST
    @Path("candidates")
    @Transactional
    @Operation(summary = "Register a candidate (16–40 years old) and open their session")
    public Response register(RegistrationForm form) {
        if (form == null) {
            throw Problem.badRequest("request.body-required");
        }
        Candidate candidate = candidates.register(form, clock.instant());
        Sessions.Issued session = sessions.open(Role.CANDIDATE, candidate.id());
        return Response.status(201).cookie(session.cookie())
                .entity(new SessionView(Role.CANDIDATE.name(), session.token(), Profile.of(candidate))).build();
    }

    @POST
    @Path("session")
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @Operation(summary = "Log a candidate in; the session is an HttpOnly cookie, also returned as a bearer token. "
            + "Repeated failures are throttled per account and per address: 429 with Retry-After")
    public Response logIn(Credentials credentials) {
        if (credentials == null) {
            throw Problem.badRequest("request.body-required");
        }
        Candidate candidate = throttling.guard(LoginThrottling.Door.CANDIDATE, credentials.email(), request,
                        () -> candidates.authenticate(credentials.email(), credentials.password()))
                .orElseThrow(() -> Problem.unauthorized("auth.bad-credentials"));
        Sessions.Issued session = sessions.open(Role.CANDIDATE, candidate.id());
        return Response.ok(new SessionView(Role.CANDIDATE.name(), session.token(), Profile.of(candidate)))
                .cookie(session.cookie()).build();
    }

    @DELETE
    @Path("session")
    @Transactional
    @Operation(summary = "Log out: every session of this candidate ends, on every device, and the cookie is cleared")
    public Response logOut() {
        caller.session().filter(s -> s.role() == Role.CANDIDATE).ifPresent(s -> sessions.revokeAll(s.role(), s.subject()));
        return Response.noContent().cookie(sessions.closed()).build();
    }

    @GET
    @Path("me")
    @Operation(summary = "The logged-in candidate's profile")
    public Profile me() {
        return candidates.find(caller.candidateId()).map(Profile::of)
                .orElseThrow(() -> Problem.unauthorized("auth.required"));
    }
}
