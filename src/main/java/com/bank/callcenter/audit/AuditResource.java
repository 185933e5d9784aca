package com.bank.callcenter.audit;

import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit trail, read by ADMIN and SUPERVISOR: newest first, a page at a time. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final String TOTAL_HEADER = "X-Total-Count";

    private final CallCenterConfig config;

    public AuditResource(CallCenterConfig config) {
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Audit entries newest first, filtered by actor, action, subject and time "
            + "(from inclusive, to exclusive; a date is a whole day in the bank's zone); X-Total-Count header")
    public Response entries(@QueryParam("actor") String actor,
                            @QueryParam("action") String action,
                            @QueryParam("subject") String subject,
                            @QueryParam("from") String from,
                            @QueryParam("to") String to,
                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        AuditQuery query = AuditQuery.of(actor, action, subject, from, to, config.zone());
        return Response.ok(query.page(page, size)).header(TOTAL_HEADER, query.count()).build();
    }
}
