package org.examcert.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.console.control.ContestReports;
import org.examcert.console.control.ContestStatistics;
import org.examcert.console.control.Sheets;
import org.examcert.contest.control.ContestEditing;
import org.examcert.contest.entity.Contest;
import org.examcert.platform.security.Caller;
import org.examcert.platform.files.Downloads;
import org.examcert.platform.problem.Problem;
import org.examcert.platform.security.Role;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What the organizing board follows of a contest: the live dashboard, rankings and exports. They
 * read attempts, grades and candidates, so they are the console's; the contest's own operations
 * are {@code contest.boundary.ContestConsoleResource}, under the same path.
 */
@Path("console/contests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ContestReportResource {

    @Inject
    ContestEditing editing;
    @Inject
    ContestReports reports;
    @Inject
    ContestStatistics statistics;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @GET
    @Path("{id}/dashboard")
    @Transactional
    @Operation(summary = "Live figures: candidates, attempts, completions per board and unit, bands, timeline, question statistics")
    public ContestReports.Dashboard dashboard(@PathParam("id") long id) {
        caller.staffId(Role.ORGANIZER);
        return reports.dashboard(editing.find(id), clock.instant());
    }

    public record Standing(int rank, long candidateId, String fullName, String unit, String board, BigDecimal score,
                           BigDecimal maxScore, long durationSeconds, Instant submittedAt, Integer prediction) {
    }

    @GET
    @Path("{id}/rankings")
    @Transactional
    @Operation(summary = "Rankings of a board: score, then shorter duration, then earlier submission, then the prediction")
    public Response rankings(@PathParam("id") long id, @QueryParam("board") String board, @QueryParam("limit") Integer limit) {
        caller.staffId(Role.ORGANIZER);
        if (limit != null && limit < 1) {
            throw Problem.badRequest("request.page-invalid", Integer.MAX_VALUE);
        }
        Contest contest = editing.find(id);
        if (board != null && contest.board(board).isEmpty()) {
            throw Problem.notFound("contest.board-not-found", board);
        }
        ContestStatistics.Rankings rankings = statistics.rankings(contest, board);
        List<Standing> standings = rankings.standings().stream().map(s -> new Standing(s.rank(),
                s.participant().candidateId(), s.participant().fullName(), s.participant().unit(), s.participant().board(),
                s.participant().score(), s.participant().maxScore(), s.participant().officialDuration().toSeconds(),
                s.participant().officialEndedAt(), s.participant().prediction())).toList();
        // the whole order is computed either way; a limit only spares the browser a 20,000-row table
        Response.ResponseBuilder response = Response.ok(limit == null || limit >= standings.size() ? standings
                : standings.subList(0, limit)).header("X-Total-Count", standings.size());
        if (rankings.tieBreakTruth() != null) {
            response.header("X-Examcert-Tie-Break-Truth", rankings.tieBreakTruth());
        }
        return response.build();
    }

    @GET
    @Path("{id}/results.xlsx")
    @Produces(Downloads.XLSX)
    @Transactional
    @Operation(summary = "One row per candidate: board, unit, attempts, official score, band, completion, certificate")
    public Response resultsXlsx(@PathParam("id") long id) {
        caller.staffId(Role.ORGANIZER);
        Contest contest = editing.find(id);
        return Downloads.attachment(Sheets.xlsx(reports.results(contest)), "ket-qua-" + contest.code() + ".xlsx");
    }

    @GET
    @Path("{id}/results.csv")
    @Produces("text/csv; charset=UTF-8")
    @Transactional
    public Response resultsCsv(@PathParam("id") long id) {
        caller.staffId(Role.ORGANIZER);
        Contest contest = editing.find(id);
        return Downloads.attachment(Sheets.csv(reports.results(contest)), "ket-qua-" + contest.code() + ".csv");
    }

    @GET
    @Path("{id}/units-report.xlsx")
    @Produces(Downloads.XLSX)
    @Transactional
    @Operation(summary = "Per unit: expected members, registered, took part, completed, rates and bands")
    public Response unitsReport(@PathParam("id") long id) {
        caller.staffId(Role.ORGANIZER);
        Contest contest = editing.find(id);
        return Downloads.attachment(Sheets.xlsx(reports.unitReport(contest)), "bao-cao-don-vi-" + contest.code() + ".xlsx");
    }
}
