package com.bank.callcenter.dashboard;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import com.bank.callcenter.staff.Staff;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The supervisors' live dashboard. A SUPERVISOR sees the RMs of their own branch (a supervisor login
 * without a branch sees every RM), ADMIN every RM; the counters come from Redis, kept as calls and SMS
 * happen ({@link DashboardRecorder}).
 */
@Path("/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class DashboardResource {

    private final Dashboard dashboard;
    private final DashboardStreams streams;
    private final StaffDirectory staff;
    private final CurrentUser user;

    public DashboardResource(Dashboard dashboard, DashboardStreams streams, StaffDirectory staff, CurrentUser user) {
        this.dashboard = dashboard;
        this.streams = streams;
        this.staff = staff;
        this.user = user;
    }

    @GET
    @Path("/today")
    public TodayBody today() {
        return dashboard.today(viewer());
    }

    /** Server-sent events: {@code today} (the fresh body) on change, at most once per push interval; {@code heartbeat}. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Viewer viewer = viewer();
        return streams.open(viewer).map(event -> sse.newEventBuilder().name(event.name())
                .mediaType(MediaType.TEXT_PLAIN_TYPE).data(event.json()).build());
    }

    @GET
    @Path("/check")
    @RolesAllowed(Roles.ADMIN)
    public Dashboard.Check check(@QueryParam("date") String date) {
        return dashboard.check(day(date));
    }

    /** Forgets the day's live counters and rebuilds them from PostgreSQL; answers the check that follows. */
    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    public Dashboard.Check rebuild(@QueryParam("date") String date) {
        return dashboard.rebuild(date == null ? null : day(date));
    }

    private static LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            throw ProblemException.badRequest("invalid-date", "date is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-date", "date must be YYYY-MM-DD, not " + date);
        }
    }

    /**
     * ADMIN and a supervisor without a branch see every RM; a supervisor with one, that branch's. The
     * viewer's own branch is read from PostgreSQL, not from the staff cache: a stale or not yet loaded
     * cache must never widen what a supervisor sees.
     */
    private Viewer viewer() {
        if (user.is(Roles.ADMIN)) {
            return Viewer.everyone();
        }
        // a viewer the staff cache does not know yet means staff were added: it is refreshed (at most once a
        // second), so that their branch's new RMs are listed too
        user.staffId().ifPresent(id -> staff.members(List.of(id)));
        Optional<String> branch = QuarkusTransaction.requiringNew()
                .call(() -> user.staffId().flatMap(Staff::findByStaffId).map(member -> member.branchId));
        return branch.map(Viewer::branch).orElseGet(Viewer::everyone);
    }
}
