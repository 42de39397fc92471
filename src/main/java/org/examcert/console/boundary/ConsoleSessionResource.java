package org.examcert.console.boundary;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.console.control.StaffAccounts;
import org.examcert.console.entity.StaffAccount;
import org.examcert.platform.security.Caller;
import org.examcert.platform.security.LoginThrottling;
import org.examcert.platform.problem.Problem;
import org.examcert.platform.security.Role;
import org.examcert.platform.security.Sessions;

/** The organizer's log-in. */
@Path("console/session")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleSessionResource {

    @Inject
    StaffAccounts staff;
    @Inject
    Sessions sessions;
    @Inject
    Caller caller;
    @Inject
    LoginThrottling throttling;
    @Context
    HttpServletRequest request;

    public record Me(String role, long id, String email, String fullName) {
    }

    public record Credentials(String email, String password) {
    }

    public record StaffSession(String role, String token, long id, String email, String fullName) {
    }

    @POST
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @Operation(summary = "Log a staff member in; repeated failures are throttled per account and per address: 429 with Retry-After")
    public Response logIn(Credentials credentials) {
        if (credentials == null) {
            throw Problem.badRequest("request.body-required");
        }
        StaffAccount account = throttling.guard(LoginThrottling.Door.STAFF, credentials.email(), request,
                        () -> staff.authenticate(credentials.email(), credentials.password()))
                .orElseThrow(() -> Problem.unauthorized("auth.bad-credentials"));
        Sessions.Issued session = sessions.open(account.role(), account.id());
        return Response.ok(new StaffSession(account.role().name(), session.token(), account.id(), account.email(),
                account.fullName())).cookie(session.cookie()).build();
    }

    @GET
    @jakarta.transaction.Transactional
    @Operation(summary = "Who is logged in to the console")
    public Me me() {
        StaffAccount account = staff.require(caller.staffId(Role.ORGANIZER));
        return new Me(account.role().name(), account.id(), account.email(), account.fullName());
    }

    @DELETE
    @Transactional
    @Operation(summary = "Log out of the console: every session of this account ends, on every device")
    public Response logOut() {
        caller.session().filter(s -> s.role().isStaff()).ifPresent(s -> sessions.revokeAll(s.role(), s.subject()));
        return Response.noContent().cookie(sessions.closed()).build();
    }
}
