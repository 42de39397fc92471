package org.examcert.contest.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.contest.CertificateSigning;
import org.examcert.contest.ContestAction;
import org.examcert.contest.ContestDates;
import org.examcert.contest.ContestKind;
import org.examcert.contest.ContestRules;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.control.ContestEditing;
import org.examcert.contest.entity.Board;
import org.examcert.contest.entity.Contest;
import org.examcert.contest.entity.ContestRulesJson;
import org.examcert.contest.entity.DrawSpecConverter;
import org.examcert.platform.security.Caller;
import org.examcert.platform.problem.Problem;
import org.examcert.platform.security.Role;
import org.examcert.platform.json.StrictJson;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The organizing board's contest operations: create, edit rules and boards, preview, publish, close,
 * reopen, duplicate. Every change fires a {@link ContestAction} with the contest before and after,
 * which the console's audit log records in the same transaction. What organizers follow of a contest
 * (dashboard, rankings, exports) crosses capabilities and is the console's, under the same path.
 * Its length (about 300 lines) is a dozen operations of a few lines each, one door for contest
 * editing.
 */
@Path("console/contests")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ContestConsoleResource {

    @Inject
    ContestEditing editing;
    @Inject
    Event<ContestAction> audited;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public record BoardView(String code, String name, int position, int questions, JsonArray draw) {
        static BoardView of(Board b) {
            return new BoardView(b.code(), b.name(), b.position(), b.questionCount(), DrawSpecConverter.write(b.drawSpec()));
        }
    }

    /**
     * A contest as the console shows it; {@code certificatePlace}, {@code signatoryTitle} and
     * {@code signatoryName} are null when unset (certificates then print the configured default).
     */
    public record ContestView(long id, String code, String title, String description, String kind, String state,
                              Instant opensAt, Instant closesAt, Integer publishedVersion, JsonObject rules,
                              List<BoardView> boards, String certificatePlace, String signatoryTitle, String signatoryName) {
        static ContestView of(Contest c) {
            CertificateSigning signing = c.certificateSigning();
            return new ContestView(c.id(), c.code(), c.title(), c.description(), c.kind().name(), c.state().name(),
                    c.opensAt(), c.closesAt(), c.publishedVersion().orElse(null), ContestRulesJson.write(c.rules()),
                    c.boards().stream().map(BoardView::of).toList(), signing.place(), signing.signatoryTitle(),
                    signing.signatoryName());
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
    @Path("defaults")
    @Operation(summary = "The rules a new contest of a kind (CERTIFICATION or STUDY_QUIZ) starts with")
    public JsonObject defaults(@QueryParam("kind") String kind) {
        caller.staffId(Role.ORGANIZER);
        return ContestRulesJson.write(defaultsFor(kind(kind)));
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
        long staff = caller.staffId(Role.ORGANIZER);
        ContestKind kind = kind(StrictJson.text(required(body), "kind"));
        ContestRules defaults = defaultsFor(kind);
        JsonObject sentRules = StrictJson.object(body, "rules");
        ContestRules rules = sentRules != null ? ContestRulesJson.read(sentRules, defaults) : defaults;
        CertificateSigning signing = signing(body, CertificateSigning.UNSET);
        editing.requirePrintable(printed(StrictJson.text(body, "title"), rules, signing));
        Contest contest = editing.create(StrictJson.text(body, "code"), StrictJson.text(body, "title"),
                StrictJson.text(body, "description"), kind, instant(body, "opensAt"), instant(body, "closesAt"),
                rules, clock.instant());
        contest.signCertificates(signing);
        ContestView created = ContestView.of(contest);
        audited.fire(new ContestAction(staff, "contest.create", target(contest), null, created, clock.instant()));
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Edit a draft: title, description, window, rules (only the fields sent change); certificatePlace, signatoryTitle, signatoryName in any state")
    public ContestView edit(@PathParam("id") long id, JsonObject body) {
        long staff = caller.staffId(Role.ORGANIZER);
        Contest contest = editing.require(id);
        ContestView before = ContestView.of(contest);
        required(body);
        JsonObject sentRules = StrictJson.object(body, "rules");
        ContestRules rules = sentRules != null ? ContestRulesJson.read(sentRules, contest.rules()) : null;
        CertificateSigning signing = signing(body, contest.certificateSigning());
        editing.requirePrintable(printed(StrictJson.text(body, "title"), rules, signing));
        // printed on certificates, not a rule of the exam: may change after publishing too
        contest.signCertificates(signing);
        if (body.containsKey("title") || body.containsKey("description")) {
            String title = StrictJson.text(body, "title");
            contest.describe(title == null ? contest.title() : title, body.containsKey("description")
                    ? StrictJson.text(body, "description") : contest.description());
        }
        if (body.containsKey("opensAt") || body.containsKey("closesAt")) {
            contest.schedule(body.containsKey("opensAt") ? instant(body, "opensAt") : contest.opensAt(),
                    body.containsKey("closesAt") ? instant(body, "closesAt") : contest.closesAt());
        }
        if (rules != null) {
            contest.changeRules(rules);
        }
        return recorded(staff, "contest.edit", contest, before);
    }

    @PUT
    @Path("{id}/boards/{code}")
    @Transactional
    @Operation(summary = "Define a board: its name and draw specification [{bank, topic?, difficulty?, count}]")
    public ContestView defineBoard(@PathParam("id") long id, @PathParam("code") String code, JsonObject body) {
        long staff = caller.staffId(Role.ORGANIZER);
        Contest contest = editing.require(id);
        ContestView before = ContestView.of(contest);
        JsonArray draw = StrictJson.array(required(body), "draw");
        if (draw == null) {
            throw Problem.badRequest("contest.draw-spec-empty", code);
        }
        String name = StrictJson.text(body, "name");
        editing.requirePrintable(Map.of("name", name == null ? "" : name));
        contest.defineBoard(code, name, DrawSpecConverter.read(draw));
        return recorded(staff, "contest.define-board", contest, before);
    }

    @DELETE
    @Path("{id}/boards/{code}")
    @Transactional
    public ContestView removeBoard(@PathParam("id") long id, @PathParam("code") String code) {
        long staff = caller.staffId(Role.ORGANIZER);
        Contest contest = editing.require(id);
        ContestView before = ContestView.of(contest);
        contest.removeBoard(code);
        return recorded(staff, "contest.remove-board", contest, before);
    }

    @POST
    @Path("{id}/publish")
    @Transactional
    @Operation(summary = "Publish: freezes rules, boards and question texts as a new version")
    public Published publish(@PathParam("id") long id) {
        long staff = caller.staffId(Role.ORGANIZER);
        Contest contest = editing.require(id);
        ContestView before = ContestView.of(contest);
        PublishedContest published = editing.publish(id, clock.instant());
        // the same managed contest, now published: no second lookup
        recorded(staff, "contest.publish", contest, before);
        return new Published(id, published.version(), published.questions().size());
    }

    @POST
    @Path("{id}/close")
    @Transactional
    public ContestView close(@PathParam("id") long id) {
        long staff = caller.staffId(Role.ORGANIZER);
        ContestView before = ContestView.of(editing.require(id));
        return recorded(staff, "contest.close", editing.close(id, clock.instant()), before);
    }

    @POST
    @Path("{id}/reopen")
    @Transactional
    @Operation(summary = "Reopen a closed contest until a new closing time")
    public ContestView reopen(@PathParam("id") long id, JsonObject body) {
        long staff = caller.staffId(Role.ORGANIZER);
        ContestView before = ContestView.of(editing.require(id));
        return recorded(staff, "contest.reopen", editing.reopen(id, instant(required(body), "closesAt"), clock.instant()), before);
    }

    @POST
    @Path("{id}/duplicate")
    @Transactional
    @Operation(summary = "A new draft with this contest's rules and boards, under a new code, title and window")
    public Response duplicate(@PathParam("id") long id, JsonObject body) {
        long staff = caller.staffId(Role.ORGANIZER);
        required(body);
        editing.requirePrintable(printed(StrictJson.text(body, "title"), null, CertificateSigning.UNSET));
        Contest copy = editing.duplicate(id, StrictJson.text(body, "code"), StrictJson.text(body, "title"),
                instant(body, "opensAt"), instant(body, "closesAt"), clock.instant());
        ContestView created = ContestView.of(copy);
        audited.fire(new ContestAction(staff, "contest.duplicate", target(copy), Map.of("from", id), created, clock.instant()));
        return Response.status(201).entity(created).build();
    }

    public record PreviewQuestion(long id, String topic, String stem, List<String> options, int correctOption,
                                  String explanation) {
    }

    public record Preview(String board, long seed, List<PreviewQuestion> questions) {
    }

    @GET
    @Path("{id}/boards/{code}/preview")
    @Transactional
    @Operation(summary = "A paper as the board would draw it now, with its answers (organizers only; nothing stored)")
    public Preview preview(@PathParam("id") long id, @PathParam("code") String code, @QueryParam("seed") Long seed) {
        caller.staffId(Role.ORGANIZER);
        long used = seed == null ? new java.security.SecureRandom().nextLong() : seed;
        return new Preview(code, used, editing.preview(id, code, used).stream().map(q -> new PreviewQuestion(q.id(),
                q.topic(), q.stem(), q.options(), q.correctOption(), q.explanation())).toList());
    }

    /** The texts of a contest form that certificates print. */
    private static Map<String, String> printed(String title, ContestRules rules, CertificateSigning signing) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("title", title);
        texts.putAll(ContestEditing.printedTexts(rules));
        texts.put("certificatePlace", signing.place());
        texts.put("signatoryTitle", signing.signatoryTitle());
        texts.put("signatoryName", signing.signatoryName());
        return texts;
    }

    /** The signing a form sends: each field sent replaces the current one (null or blank unsets it). */
    private static CertificateSigning signing(JsonObject body, CertificateSigning current) {
        return new CertificateSigning(
                body.containsKey("certificatePlace") ? StrictJson.text(body, "certificatePlace") : current.place(),
                body.containsKey("signatoryTitle") ? StrictJson.text(body, "signatoryTitle") : current.signatoryTitle(),
                body.containsKey("signatoryName") ? StrictJson.text(body, "signatoryName") : current.signatoryName());
    }

    private ContestView recorded(long staff, String action, Contest contest, ContestView before) {
        ContestView after = ContestView.of(contest);
        audited.fire(new ContestAction(staff, action, target(contest), before, after, clock.instant()));
        return after;
    }

    private static String target(Contest contest) {
        return "contest:" + contest.code();
    }

    private static JsonObject required(JsonObject body) {
        if (body == null) {
            throw Problem.badRequest("request.body-required");
        }
        return body;
    }

    private static ContestRules defaultsFor(ContestKind kind) {
        return kind == ContestKind.STUDY_QUIZ ? ContestRules.studyQuizDefaults() : ContestRules.certificationDefaults();
    }

    private static ContestKind kind(String kind) {
        try {
            return ContestKind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Problem.badRequest("contest.kind-required");
        }
    }

    private static Instant instant(JsonObject body, String key) {
        return ContestDates.parse(key, StrictJson.text(body, key));
    }
}
