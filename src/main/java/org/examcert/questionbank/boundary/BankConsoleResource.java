package org.examcert.questionbank.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.examcert.questionbank.control.BankImports;
import org.examcert.questionbank.BankAction;
import org.examcert.platform.files.Downloads;
import org.examcert.platform.security.Caller;
import org.examcert.platform.problem.Problem;
import org.examcert.platform.security.Role;
import org.examcert.platform.files.Uploads;
import org.examcert.questionbank.BankFile;
import org.examcert.questionbank.format.BankWorkbook;
import org.examcert.questionbank.Difficulty;
import org.examcert.questionbank.format.GiftFormat;
import org.examcert.questionbank.QuestionEdit;
import org.examcert.questionbank.control.BankImporter;
import org.examcert.questionbank.control.QuestionBanks;
import org.examcert.questionbank.entity.Question;
import org.examcert.questionbank.entity.QuestionBank;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** Question banks at the console: list, search, edit a question, import (validated first), export. */
@Path("console/banks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BankConsoleResource {

    private static final int MAX_PAGE = 200;

    @Inject
    QuestionBanks banks;
    @Inject
    BankImports imports;
    @Inject
    Event<BankAction> audited;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public record QuestionView(long id, String externalId, String topic, String difficulty, String stem, List<String> options,
                               int correctOption, String explanation, String source, boolean active, int revision) {
        static QuestionView of(Question q) {
            return new QuestionView(q.id(), q.externalId(), q.topic(), q.difficulty().name(), q.stem(), q.options(),
                    q.correctOption(), q.explanation(), q.source(), q.active(), q.revision());
        }
    }

    public record QuestionPage(long total, List<QuestionView> items) {
    }

    public record Imported(String bank, String title, int questions, int added, int revised, int unchanged, int retired,
                           boolean saved) {
    }

    @GET
    @Transactional
    @Operation(summary = "Every bank with its number of active and retired questions and its topics")
    public List<QuestionBanks.BankSummary> list() {
        caller.staffId(Role.ORGANIZER);
        return banks.summaries();
    }

    @GET
    @Path("{code}/questions")
    @Transactional
    @Operation(summary = "Search a bank's questions by text (stem and options), topic, difficulty and state")
    public QuestionPage questions(@PathParam("code") String code, @QueryParam("q") String text, @QueryParam("topic") String topic,
                                  @QueryParam("difficulty") String difficulty, @QueryParam("active") Boolean active,
                                  @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        caller.staffId(Role.ORGANIZER);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw Problem.badRequest("request.page-invalid", MAX_PAGE);
        }
        QuestionBanks.Page page = banks.search(bank(code), text, blankToNull(topic), difficulty(difficulty), active, offset, limit);
        return new QuestionPage(page.total(), page.items().stream().map(QuestionView::of).toList());
    }

    @PUT
    @Path("{code}/questions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Edit one question: a new revision; papers already drawn and published versions keep theirs")
    public QuestionView edit(@PathParam("code") String code, @PathParam("id") long id, QuestionEdit edit) {
        long staff = caller.staffId(Role.ORGANIZER);
        if (edit == null) {
            throw Problem.badRequest("request.body-required");
        }
        Question question = banks.question(bank(code), id).orElseThrow(() -> Problem.notFound("question.not-found", id));
        QuestionView before = QuestionView.of(question);
        banks.revise(question, edit.validate(question.externalId()));
        QuestionView after = QuestionView.of(question);
        audited.fire(new BankAction(staff, "question.edit", "question:" + code + "/" + question.externalId(), before, after, clock.instant()));
        return after;
    }

    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Import a bank file (bank, xlsx, gift, aiken); dryRun=true validates and counts without saving")
    public Imported importFile(@QueryParam("format") String format, @QueryParam("bank") String bankCode,
                               @QueryParam("title") String title, @QueryParam("topic") String topic,
                               @QueryParam("difficulty") String difficulty,
                               @QueryParam("replace") @DefaultValue("false") boolean replace,
                               @QueryParam("dryRun") @DefaultValue("true") boolean dryRun, java.io.InputStream upload) {
        long staff = caller.staffId(Role.ORGANIZER);
        BankFile parsed = imports.parse(format, bankCode, title, topic, difficulty(difficulty), Uploads.read(upload));
        BankImporter.ImportReport report = imports.save(parsed, replace, dryRun, clock.instant());
        Imported result = new Imported(parsed.code(), parsed.title(), parsed.questions().size(), report.added(),
                report.revised(), report.unchanged(), report.retired(), !dryRun);
        if (!dryRun) {
            audited.fire(new BankAction(staff, "bank.import", "bank:" + parsed.code(), null,
                    java.util.Map.of("format", format, "replace", replace, "report", result), clock.instant()));
        }
        return result;
    }

    @GET
    @Path("template.xlsx")
    @Produces(Downloads.XLSX)
    @Operation(summary = "The .xlsx import template: one question per row, with instructions")
    public Response template() {
        caller.staffId(Role.ORGANIZER);
        return Downloads.attachment(BankWorkbook.template(), "mau-ngan-hang-cau-hoi.xlsx");
    }

    @GET
    @Path("{code}/export.xlsx")
    @Produces(Downloads.XLSX)
    @Transactional
    @Operation(summary = "A bank's active questions in the import template's layout")
    public Response export(@PathParam("code") String code) {
        caller.staffId(Role.ORGANIZER);
        return Downloads.attachment(BankWorkbook.write(imports.asFile(bank(code))), code + ".xlsx");
    }

    @GET
    @Path("{code}/export.gift")
    @Produces("text/plain; charset=UTF-8")
    @Transactional
    @Operation(summary = "A bank's active questions as Moodle GIFT, explanations as general feedback (re-importable)")
    public Response exportGift(@PathParam("code") String code) {
        caller.staffId(Role.ORGANIZER);
        return Downloads.attachment(GiftFormat.write(imports.asFile(bank(code))).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                code + ".gift");
    }

    private QuestionBank bank(String code) {
        return banks.bank(code).orElseThrow(() -> Problem.notFound("bank.not-found", code));
    }

    private static Difficulty difficulty(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Difficulty.fromBankValue(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> Problem.badRequest("question.difficulty-invalid"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
