package com.bank.callcenter.scoring;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import com.bank.callcenter.staff.Staff;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
    private final ScoreEntries entries;
    private final CurrentUser user;

    public ScoreResource(PeriodScores scores, ScoreRecords records, ScoreEntries entries, CurrentUser user) {
        this.entries = entries;
        this.scores = scores;
        this.records = records;
        this.user = user;
    }

    @GET
    public List<ScoreRow> list(@QueryParam("period") String period) {
        YearMonth month = PeriodScores.period(period);
        return QuarkusTransaction.requiringNew().call(() -> {
            Viewer viewer = viewer();
            return rows(month).stream().filter(viewer::sees).toList();
        });
    }

    /** {@code format=csv} (the only one): the rows the caller may see, as a CSV file for Excel. */
    @GET
    @Path("/export")
    @Produces("text/csv; charset=UTF-8")
    public Response export(@QueryParam("period") String period, @QueryParam("format") String format) {
        if (format != null && !"csv".equals(format)) {
            throw ProblemException.badRequest("invalid-format", "format must be csv");
        }
        YearMonth month = PeriodScores.period(period);
        String csv = ScoreCsv.of(list(month.toString()));
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"scores-" + month + ".csv\"")
                .build();
    }

    @GET
    @Path("/{period}/{staffId}")
    public Explained one(@PathParam("period") String period, @PathParam("staffId") String staffId) {
        YearMonth month = PeriodScores.period(period);
        return QuarkusTransaction.requiringNew().call(() -> {
            ScoreRow row = entries.closedRows(month)
                    .map(rows -> rows.stream().filter(r -> r.staffId().equals(staffId)).findFirst())
                    .orElseGet(() -> scores.row(month, staffId))
                    .orElseThrow(() -> ProblemException.notFound("scored RM", staffId));
            if (!viewer().sees(row)) {
                throw ProblemException.forbidden("this score is not yours to read");
            }
            ScoreRecords.Records behind = row.closed()
                    ? entries.closedRecords(month, staffId).orElseGet(() -> records.of(staffId, scores.bounds(month)))
                    : records.of(staffId, scores.bounds(month));
            return new Explained(row, behind.byIndicator());
        });
    }

    @PUT
    @Path("/{period}/{staffId}/qualitative")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public ScoreEntries.Qualitative qualitative(@PathParam("period") String period, @PathParam("staffId") String staffId,
                                                @NotNull ScoreEntries.Qualitative body) {
        YearMonth month = PeriodScores.period(period);
        return QuarkusTransaction.requiringNew().call(() -> entries.putQualitative(month, staffId, body, user.username()));
    }

    /** Freezes the period: later data no longer changes its scores; PUTs on it answer 409 period-closed. */
    @POST
    @Path("/{period}/close")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public List<ScoreRow> close(@PathParam("period") String period) {
        YearMonth month = PeriodScores.period(period);
        return QuarkusTransaction.requiringNew().call(() -> entries.close(month, user.username()));
    }

    /** The period's rows: those kept at closing, else computed now. */
    private List<ScoreRow> rows(YearMonth month) {
        return entries.closedRows(month).orElseGet(() -> scores.rows(month));
    }

    /** Who is asking: every RM (ADMIN, a supervisor without a branch), a branch's RMs, or one RM. */
    private record Viewer(boolean all, Optional<String> branch, Optional<String> staffId) {

        boolean sees(ScoreRow row) {
            if (all) {
                return true;
            }
            if (branch.isPresent()) {
                return branch.get().equals(row.branchId());
            }
            return staffId.map(row.staffId()::equals).orElse(false);
        }
    }

    /** Read once per request (a supervisor's branch is one query, not one per row). */
    private Viewer viewer() {
        if (user.is(Roles.ADMIN)) {
            return new Viewer(true, Optional.empty(), Optional.empty());
        }
        if (user.is(Roles.SUPERVISOR)) {
            Optional<String> branch = user.staffId().flatMap(Staff::findByStaffId).map(s -> s.branchId);
            return new Viewer(branch.isEmpty(), branch, Optional.empty());
        }
        return new Viewer(false, Optional.empty(), user.staffId());
    }
}
