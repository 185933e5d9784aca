package com.bank.callcenter.desk;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** POST /api/calls/{callId}/disposition: the RM who had the call records what came of it. */
@Path("/api/calls/{callId}/disposition")
@Produces(MediaType.APPLICATION_JSON)
public class DispositionResource {

    public record Body(@NotNull Disposition code, @Size(max = 2000) String note, Instant callbackAt,
                       @Size(max = 64) String productCode) {
    }

    private final Dispositions dispositions;
    private final CurrentUser user;

    public DispositionResource(Dispositions dispositions, CurrentUser user) {
        this.dispositions = dispositions;
        this.user = user;
    }

    @POST
    @RolesAllowed(Roles.RM)
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> record(@PathParam("callId") String callId, @Valid @NotNull Body body) {
        UUID id;
        try {
            id = UUID.fromString(callId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("call", callId);
        }
        String staffId = user.staffId().orElseThrow(() -> ProblemException.forbidden("only RMs disposition calls"));
        dispositions.record(id, staffId, new Dispositions.Request(body.code(), body.note(), body.callbackAt(),
                body.productCode()));
        return Map.of("callId", id, "code", body.code());
    }
}
