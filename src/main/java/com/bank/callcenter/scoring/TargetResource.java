package com.bank.callcenter.scoring;

import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.YearMonth;

/** An RM's targets for a period: {@code PUT} any subset (each > 0), {@code GET} with the defaults filled in. */
@Path("/api/targets/{period}/{staffId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class TargetResource {

    private final ScoreEntries entries;
    private final CurrentUser user;

    public TargetResource(ScoreEntries entries, CurrentUser user) {
        this.entries = entries;
        this.user = user;
    }

    @GET
    public ScoreEntries.TargetValues get(@PathParam("period") String period, @PathParam("staffId") String staffId) {
        YearMonth month = PeriodScores.period(period);
        return QuarkusTransaction.requiringNew().call(() -> entries.targets(month, staffId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ScoreEntries.TargetValues put(@PathParam("period") String period, @PathParam("staffId") String staffId,
                                         @NotNull ScoreEntries.TargetValues body) {
        YearMonth month = PeriodScores.period(period);
        return QuarkusTransaction.requiringNew().call(() -> entries.putTargets(month, staffId, body, user.username()));
    }
}
