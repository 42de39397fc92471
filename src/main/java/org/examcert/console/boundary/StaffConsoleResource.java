package org.examcert.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.console.control.AuditTrail;
import org.examcert.console.control.StaffAccounts;
import org.examcert.console.entity.StaffAccount;
import org.examcert.platform.security.Caller;
import org.examcert.platform.problem.Problem;
import org.examcert.platform.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Staff accounts, managed by administrators only. */
@Path("console/staff")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StaffConsoleResource {

    @Inject
    StaffAccounts staff;
    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** An account as shown: never its password hash. */
    public record StaffView(long id, String email, String fullName, String role, boolean active, Instant createdAt) {
        static StaffView of(StaffAccount s) {
            return new StaffView(s.id(), s.email(), s.fullName(), s.role().name(), s.active(), s.createdAt());
        }
    }

    public record NewStaff(String email, String fullName, String role, String password) {
    }

    public record StaffChange(String fullName, String role, Boolean active, String password) {
    }

    @GET
    @Transactional
    public List<StaffView> list() {
        caller.staffId(Role.ADMINISTRATOR);
        return staff.all().stream().map(StaffView::of).toList();
    }

    @POST
    @Transactional
    @Operation(summary = "Create an organizer or administrator account")
    public Response create(NewStaff body) {
        long admin = caller.staffId(Role.ADMINISTRATOR);
        if (body == null) {
            throw Problem.badRequest("request.body-required");
        }
        StaffView created = StaffView.of(staff.create(body.email(), body.fullName(), role(body.role()), body.password(), clock.instant()));
        audit.record(admin, "staff.create", "staff:" + created.email(), null, created, clock.instant());
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Change a staff account's name, role, state or password")
    public StaffView change(@PathParam("id") long id, StaffChange body) {
        long admin = caller.staffId(Role.ADMINISTRATOR);
        if (body == null) {
            throw Problem.badRequest("request.body-required");
        }
        StaffAccount account = staff.require(id);
        StaffView before = StaffView.of(account);
        staff.change(account, body.fullName(), body.role() == null ? null : role(body.role()), body.active(), body.password(), admin);
        StaffView after = StaffView.of(account);
        audit.record(admin, body.password() == null ? "staff.change" : "staff.change-password", "staff:" + account.email(),
                before, after, clock.instant());
        return after;
    }

    private static Role role(String role) {
        try {
            Role parsed = Role.valueOf(String.valueOf(role));
            if (parsed.isStaff()) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw Problem.badRequest("staff.role-invalid");
    }
}
