package org.examcert.candidate.boundary;

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
import org.examcert.candidate.UnitRow;
import org.examcert.candidate.UnitWorkbook;
import org.examcert.candidate.control.Units;
import org.examcert.candidate.entity.Unit;
import org.examcert.candidate.UnitAction;
import org.examcert.platform.files.Downloads;
import org.examcert.platform.security.Caller;
import org.examcert.platform.text.DrawableText;
import org.examcert.platform.text.GlyphCoverage;
import org.examcert.platform.problem.Problem;
import org.examcert.platform.security.Role;
import org.examcert.platform.files.Uploads;
import org.examcert.platform.files.ImportRejected;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;

/** Units (đơn vị) and their expected members: listed, edited one by one, imported from .xlsx. */
@Path("console/units")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UnitConsoleResource {

    @Inject
    Units units;
    // unit names are printed on certificates: implemented by the certificate capability
    @Inject
    GlyphCoverage glyphs;
    @Inject
    Event<UnitAction> audited;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public record UnitView(String code, String name, int expectedMembers) {
        static UnitView of(Unit u) {
            return new UnitView(u.code(), u.name(), u.expectedMembers());
        }
    }

    public record UnitChange(String name, Integer expectedMembers) {
    }

    @GET
    @Transactional
    public List<UnitView> list() {
        caller.staffId(Role.ORGANIZER);
        return units.all().stream().map(UnitView::of).toList();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create or change a unit")
    public UnitView save(@PathParam("code") String code, UnitChange change) {
        long staff = caller.staffId(Role.ORGANIZER);
        if (change == null || change.expectedMembers() == null) {
            throw Problem.badRequest("unit.expected-members-invalid", Unit.MAX_MEMBERS);
        }
        UnitView before = units.byCode(code).map(UnitView::of).orElse(null);
        units.save(code, change.name(), change.expectedMembers(), clock.instant());
        UnitView after = units.byCode(code).map(UnitView::of).orElseThrow();
        audited.fire(new UnitAction(staff, "unit.save", "unit:" + code, before, after, clock.instant()));
        return after;
    }

    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Import units from .xlsx; dryRun=true validates and counts without saving")
    public Units.ImportReport importFile(@QueryParam("dryRun") @DefaultValue("true") boolean dryRun, java.io.InputStream upload) {
        long staff = caller.staffId(Role.ORGANIZER);
        byte[] file = Uploads.read(upload);
        List<UnitRow> rows;
        try {
            rows = UnitWorkbook.read(new ByteArrayInputStream(file), new DrawableText(glyphs::covers));
        } catch (ImportRejected e) {
            throw e.toProblem("unit.import-invalid");
        }
        Units.ImportReport report = units.importRows(rows, dryRun, clock.instant());
        if (!dryRun) {
            audited.fire(new UnitAction(staff, "unit.import", "units", null, report, clock.instant()));
        }
        return report;
    }

    @GET
    @Path("export.xlsx")
    @Produces(Downloads.XLSX)
    @Transactional
    @Operation(summary = "Every unit in the template's layout, to edit in Excel and import again")
    public Response export() {
        caller.staffId(Role.ORGANIZER);
        List<Unit> all = units.all();
        List<UnitRow> rows = new java.util.ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            Unit u = all.get(i);
            rows.add(new UnitRow(u.code(), u.name(), u.expectedMembers(), i + 2));
        }
        return Downloads.attachment(UnitWorkbook.write(rows), "don-vi.xlsx");
    }

    @GET
    @Path("template.xlsx")
    @Produces(Downloads.XLSX)
    public Response template() {
        caller.staffId(Role.ORGANIZER);
        return Downloads.attachment(UnitWorkbook.template(), "mau-don-vi.xlsx");
    }
}
