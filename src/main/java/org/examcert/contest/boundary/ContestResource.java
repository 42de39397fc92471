package org.examcert.contest.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.contest.ContestSummary;
import org.examcert.contest.PublishedContest;
import org.examcert.contest.control.ContestCatalog;
import org.examcert.contest.entity.ContestRulesJson;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Contests as candidates see them, served from the cached published versions. */
@Path("contests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ContestResource {

    @Inject
    ContestCatalog catalog;
    @Inject
    Clock clock;

    public record BoardView(String code, String name, int questions) {
    }

    public record ContestView(long id, String code, String title, String description, String kind, String state,
                              boolean open, Instant opensAt, Instant closesAt, Instant serverNow, JsonObject rules,
                              List<BoardView> boards) {
    }

    @GET
    @Operation(summary = "Published contests and study quizzes, with their window, rules and boards")
    public List<ContestView> list() {
        Instant now = clock.instant();
        return catalog.listed().stream().map(c -> view(c, now)).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One published contest")
    public ContestView get(@PathParam("id") long id) {
        return view(catalog.require(id), clock.instant());
    }

    private ContestView view(ContestSummary contest, Instant now) {
        PublishedContest published = catalog.current(contest);
        List<BoardView> boards = published.boards().stream().map(b -> new BoardView(b.code(), b.name(),
                b.pools().stream().mapToInt(PublishedContest.Pool::count).sum())).toList();
        return new ContestView(contest.id(), contest.code(), contest.title(), contest.description(), contest.kind().name(),
                contest.state().name(), contest.isOpen(now), contest.opensAt(), contest.closesAt(), now,
                ContestRulesJson.write(published.rules()), boards);
    }
}
