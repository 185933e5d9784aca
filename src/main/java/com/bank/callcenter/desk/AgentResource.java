package com.bank.callcenter.desk;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.util.List;

/** The RM's desk: state, the next customer, callbacks, today's counters and the live event stream. */
@Path("/api/agent")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RM)
public class AgentResource {

    /** PUT /api/agent/state. */
    public record StateChange(@NotNull AgentState state, @Size(max = 200) String reason) {
    }

    private final AgentStates states;
    private final NextCustomer next;
    private final Callbacks callbacks;
    private final TodayCounters today;
    private final DeskEvents events;
    private final CurrentUser user;

    public AgentResource(AgentStates states, NextCustomer next, Callbacks callbacks, TodayCounters today,
                         DeskEvents events, CurrentUser user) {
        this.states = states;
        this.next = next;
        this.callbacks = callbacks;
        this.today = today;
        this.events = events;
        this.user = user;
    }

    @GET
    @Path("/state")
    public AgentStateView state() {
        return states.view(staffId());
    }

    @PUT
    @Path("/state")
    @Consumes(MediaType.APPLICATION_JSON)
    public AgentStateView changeState(@Valid @NotNull StateChange body) {
        return states.choose(staffId(), body.state(), body.reason());
    }

    /** 200 with the card; 204 when nothing is due; 409 not-ready unless READY. */
    @POST
    @Path("/next")
    public Response next() {
        return next.next(staffId(), user.username()).map(card -> Response.ok(card).build())
                .orElse(Response.noContent().build());
    }

    /** What the RM holds now (a claim, a callback or a hand-off in progress); 204 when nothing. */
    @GET
    @Path("/current")
    public Response current() {
        return next.current(staffId(), user.username()).map(card -> Response.ok(card).build())
                .orElse(Response.noContent().build());
    }

    @GET
    @Path("/callbacks")
    public List<Callbacks.Callback> callbacks() {
        String staffId = staffId();
        return QuarkusTransaction.requiringNew().call(() -> callbacks.open(staffId));
    }

    @GET
    @Path("/today")
    public TodayCounters.Today today() {
        return today.of(staffId());
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        String staffId = staffId();
        return events.stream(staffId).map(event -> sse.newEventBuilder().name(event.name())
                .mediaType(MediaType.TEXT_PLAIN_TYPE).data(event.json()).build());
    }

    private String staffId() {
        return user.staffId().orElseThrow(() -> ProblemException.forbidden("the desk is for RMs with a staff record"));
    }
}
