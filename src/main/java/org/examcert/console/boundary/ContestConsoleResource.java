package org.examcert.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.contest.ContestKind;
import org.examcert.contest.ContestRules;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.control.ContestEditing;
import org.examcert.contest.entity.Board;
import org.examcert.contest.entity.Contest;
import org.examcert.contest.entity.ContestRulesJson;
import org.examcert.contest.entity.DrawSpecConverter;
import org.examcert.platform.Caller;
import org.examcert.platform.Problem;
import org.examcert.platform.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The organizing board's contest operations: create, edit rules and boards, publish, close, reopen. */
@Path("console/contests")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ContestConsoleResource {

    @Inject
    ContestEditing editing;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public record BoardView(String code, String name, int position, int questions, JsonArray draw) {
        static BoardView of(Board b) {
            return new BoardView(b.code(), b.name(), b.position(), b.questionCount(), DrawSpecConverter.write(b.drawSpec()));
        }
    }

    public record ContestView(long id, String code, String title, String description, String kind, String state,
                              Instant opensAt, Instant closesAt, Integer publishedVersion, JsonObject rules,
                              List<BoardView> boards) {
        static ContestView of(Contest c) {
            return new ContestView(c.id(), c.code(), c.title(), c.description(), c.kind().name(), c.state().name(),
                    c.opensAt(), c.closesAt(), c.publishedVersion().orElse(null), ContestRulesJson.write(c.rules()),
                    c.boards().stream().map(BoardView::of).toList());
        }
    }

    public record Published(long id, int version, int questionsFrozen) {
    }

    @GET
    @Transactional
    @Operation(summary = "All contests, drafts included")
    public List<ContestView> list() {
        caller.staffId(Role.ORGANIZER);
        return editing.all().stream().map(ContestView::of).toList();
    }

    @GET
    @Path("{id}")
    @Transactional
    public ContestView get(@PathParam("id") long id) {
        caller.staffId(Role.ORGANIZER);
        return ContestView.of(editing.require(id));
    }

    @POST
    @Transactional
    @Operation(summary = "Create a draft contest; rules not sent take the defaults of its kind")
    public Response create(JsonObject body) {
        caller.staffId(Role.ORGANIZER);
        ContestKind kind = kind(required(body).getString("kind", null));
        ContestRules defaults = kind == ContestKind.STUDY_QUIZ ? ContestRules.studyQuizDefaults() : ContestRules.certificationDefaults();
        ContestRules rules = body.containsKey("rules") ? ContestRulesJson.read(body.getJsonObject("rules"), defaults) : defaults;
        Contest contest = editing.create(body.getString("code", null), body.getString("title", null),
                body.getString("description", null), kind, instant(body, "opensAt"), instant(body, "closesAt"),
                rules, clock.instant());
        return Response.status(201).entity(ContestView.of(contest)).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Edit a draft: title, description, window, rules (only the fields sent change)")
    public ContestView edit(@PathParam("id") long id, JsonObject body) {
        caller.staffId(Role.ORGANIZER);
        Contest contest = editing.require(id);
        required(body);
        if (body.containsKey("title") || body.containsKey("description")) {
            contest.describe(body.getString("title", contest.title()), body.containsKey("description")
                    ? body.getString("description", null) : contest.description());
        }
        if (body.containsKey("opensAt") || body.containsKey("closesAt")) {
            contest.schedule(body.containsKey("opensAt") ? instant(body, "opensAt") : contest.opensAt(),
                    body.containsKey("closesAt") ? instant(body, "closesAt") : contest.closesAt());
        }
        if (body.containsKey("rules")) {
            contest.changeRules(ContestRulesJson.read(body.getJsonObject("rules"), contest.rules()));
        }
        return ContestView.of(contest);
    }

    @PUT
    @Path("{id}/boards/{code}")
    @Transactional
    @Operation(summary = "Define a board: its name and draw specification [{bank, topic?, difficulty?, count}]")
    public ContestView defineBoard(@PathParam("id") long id, @PathParam("code") String code, JsonObject body) {
        caller.staffId(Role.ORGANIZER);
        Contest contest = editing.require(id);
        JsonArray draw = required(body).containsKey("draw") ? body.getJsonArray("draw") : null;
        if (draw == null) {
            throw Problem.badRequest("contest.draw-spec-empty", code);
        }
        contest.defineBoard(code, body.getString("name", null), DrawSpecConverter.read(draw));
        return ContestView.of(contest);
    }

    @DELETE
    @Path("{id}/boards/{code}")
    @Transactional
    public ContestView removeBoard(@PathParam("id") long id, @PathParam("code") String code) {
        caller.staffId(Role.ORGANIZER);
        Contest contest = editing.require(id);
        contest.removeBoard(code);
        return ContestView.of(contest);
    }

    @POST
    @Path("{id}/publish")
    @Transactional
    @Operation(summary = "Publish: freezes rules, boards and question texts as a new version")
    public Published publish(@PathParam("id") long id) {
        caller.staffId(Role.ORGANIZER);
        PublishedContest published = editing.publish(id, clock.instant());
        return new Published(id, published.version(), published.questions().size());
    }

    @POST
    @Path("{id}/close")
    @Transactional
    public ContestView close(@PathParam("id") long id) {
        caller.staffId(Role.ORGANIZER);
        return ContestView.of(editing.close(id, clock.instant()));
    }

    @POST
    @Path("{id}/reopen")
    @Transactional
    @Operation(summary = "Reopen a closed contest until a new closing time")
    public ContestView reopen(@PathParam("id") long id, JsonObject body) {
        caller.staffId(Role.ORGANIZER);
        return ContestView.of(editing.reopen(id, instant(required(body), "closesAt"), clock.instant()));
    }

    private static JsonObject required(JsonObject body) {
        if (body == null) {
            throw Problem.badRequest("request.body-required");
        }
        return body;
    }

    private static ContestKind kind(String kind) {
        try {
            return ContestKind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Problem.badRequest("contest.kind-required");
        }
    }

    private static Instant instant(JsonObject body, String key) {
        try {
            return Instant.parse(body.getString(key));
        } catch (NullPointerException | ClassCastException | DateTimeParseException e) {
            throw Problem.badRequest("contest.instant-invalid", key);
        }
    }
}
