package org.examcert.candidate.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.examcert.candidate.control.Units;

import java.util.List;

/**
 * The organization's units, for the registration form to suggest: a candidate who picks one is
 * counted in that unit's participation without anyone matching names by hand.
 */
@Path("units")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {

    @Inject
    Units units;

    public record UnitName(String code, String name) {
    }

    @GET
    @Transactional
    @Operation(summary = "The units candidates may register with (names only)")
    public List<UnitName> list() {
        return units.all().stream().map(u -> new UnitName(u.code(), u.name())).toList();
    }
}
