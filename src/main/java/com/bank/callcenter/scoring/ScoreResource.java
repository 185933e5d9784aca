package com.bank.callcenter.scoring;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import com.bank.callcenter.staff.Staff;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RMs' monthly scores. ADMIN sees every RM; a SUPERVISOR the RMs of their branch (a supervisor
 * login without a staff record sees every RM); an RM only their own row.
 */
@Path("/api/scores")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RM, Roles.SUPERVISOR, Roles.ADMIN})
public class ScoreResource {

    /** A row with the records behind its counts (the row's fields, plus {@code records}). */
    public record Explained(@JsonUnwrapped ScoreRow score, Map<String, Object> records) {
    }

    private final PeriodScores scores;
    private final ScoreRecords records;
    private final CurrentUser user;

    public ScoreResource(PeriodScores scores, ScoreRecords records, CurrentUser user) {
        this.scores = scores;
        this.records = records;
        this.user = user;
    }

    @GET
    public List<ScoreRow> list(@QueryParam("period") String period) {
        YearMonth month = PeriodScores.period(period);
        return QuarkusTransaction.requiringNew().call(() -> scores.rows(month).stream().filter(this::visible).toList());
    }

    @GET
    @Path("/{period}/{staffId}")
    public Explained one(@PathParam("period") String period, @PathParam("staffId") String staffId) {
        YearMonth month = PeriodScores.period(period);
        return QuarkusTransaction.requiringNew().call(() -> {
            ScoreRow row = scores.rows(month).stream().filter(r -> r.staffId().equals(staffId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("scored RM", staffId));
            if (!visible(row)) {
                throw ProblemException.forbidden("this score is not yours to read");
            }
            return new Explained(row, records.of(staffId, scores.bounds(month)).byIndicator());
        });
    }

    private boolean visible(ScoreRow row) {
        if (user.is(Roles.ADMIN)) {
            return true;
        }
        if (user.is(Roles.SUPERVISOR)) {
            Optional<String> branch = user.staffId().flatMap(Staff::findByStaffId).map(s -> s.branchId);
            return branch.map(b -> b.equals(row.branchId())).orElse(true);
        }
        return user.staffId().map(row.staffId()::equals).orElse(false);
    }
}
