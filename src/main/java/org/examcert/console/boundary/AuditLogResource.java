package org.examcert.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.console.control.AuditTrail;
import org.examcert.console.control.Sheets;
import org.examcert.console.entity.AuditEntry;
import org.examcert.platform.security.Caller;
import org.examcert.platform.files.Downloads;
import org.examcert.platform.problem.Problem;
import org.examcert.platform.security.Role;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log of organizer actions: who did what, when, and the thing before and after. */
@Path("console/audit-log")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

    private static final int EXPORT_LIMIT = 100_000;

    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;

    public record EntryView(long id, Instant at, long staffId, String staffEmail, String action, String target,
                            JsonValue before, JsonValue after) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.id(), e.at(), e.staffId(), e.staffEmail(), e.action(), e.target(), json(e.before()), json(e.after()));
        }

        private static JsonValue json(String text) {
            if (text == null) {
                return JsonValue.NULL;
            }
            try (var reader = Json.createReader(new StringReader(text))) {
                return reader.readValue();
            }
        }
    }

    public record EntryPage(long total, List<EntryView> items) {
    }

    @GET
    @Transactional
    @Operation(summary = "The audit log, newest first; filtered by action and by text in the target or the staff email")
    public EntryPage page(@QueryParam("action") String action, @QueryParam("q") String text,
                          @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        caller.staffId(Role.ORGANIZER);
        if (offset < 0 || limit < 1 || limit > 500) {
            throw Problem.badRequest("request.page-invalid", 500);
        }
        AuditTrail.Filter filter = new AuditTrail.Filter(action, text);
        return new EntryPage(audit.count(filter), audit.page(filter, offset, limit).stream().map(EntryView::of).toList());
    }

    @GET
    @Path("export.xlsx")
    @Produces(Downloads.XLSX)
    @Transactional
    @Operation(summary = "The whole audit log as .xlsx")
    public Response export() {
        caller.staffId(Role.ORGANIZER);
        List<List<Object>> rows = new ArrayList<>();
        for (AuditEntry e : audit.page(AuditTrail.Filter.NONE, 0, EXPORT_LIMIT)) {
            rows.add(java.util.Arrays.asList(e.id(), e.at(), e.staffEmail(), e.action(), e.target(), e.before(), e.after()));
        }
        byte[] xlsx = Sheets.xlsx(new Sheets.Table("Nhật ký", List.of("STT", "Thời điểm", "Người thực hiện", "Thao tác",
                "Đối tượng", "Trước", "Sau"), rows));
        return Downloads.attachment(xlsx, "nhat-ky-thao-tac.xlsx");
    }
}
