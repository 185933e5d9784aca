package com.bank.callcenter.calls;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.UUID;

/** Click-to-call and call records. */
@Path("/api/calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    /**
     * Whom to call; the number stays on the server. With {@code entryId} (or {@code callbackId}) the
     * call belongs to the desk entry (callback) the RM holds.
     */
    public record PlaceCall(@NotBlank String customerId, Long entryId, Long callbackId) {
    }

    private final CallService calls;
    private final CurrentUser user;

    public CallResource(CallService calls, CurrentUser user) {
        this.calls = calls;
        this.user = user;
    }

    /** 202 {"callId"}: the RM's phone rings first, then the customer is dialled. */
    @POST
    @RolesAllowed(Roles.RM)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(@Valid @NotNull PlaceCall body) {
        UUID callId = calls.placeAgentCall(body.customerId(), body.entryId(), body.callbackId(), user);
        return Response.accepted(Map.of("callId", callId)).build();
    }

    /** 202: the hang-up was sent; the call's end arrives as its state. */
    @POST
    @Path("/{id}/hangup")
    @RolesAllowed(Roles.RM)
    public Response hangUp(@PathParam("id") String id) {
        calls.hangUp(parse(id), user);
        return Response.accepted(Map.of("callId", id)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RM, Roles.SUPERVISOR, Roles.ADMIN})
    public CallView get(@PathParam("id") String id) {
        return calls.view(parse(id), user);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("call", id);
        }
    }
}
