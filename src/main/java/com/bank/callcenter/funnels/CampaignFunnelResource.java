package com.bank.callcenter.funnels;

import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A campaign's funnel, for whoever may read campaigns. */
@Path("/api/campaigns/{id}/funnel")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.PLANNER, Roles.ADMIN})
public class CampaignFunnelResource {

    private final CampaignFunnels funnels;

    public CampaignFunnelResource(CampaignFunnels funnels) {
        this.funnels = funnels;
    }

    @GET
    @Operation(summary = "Listed → attempted → reached → outcomes of the campaign over [from, to] (YYYY-MM-DD,"
            + " Asia/Shanghai days, both optional: the campaign's whole life); 400 bad-date / bad-window, 404")
    public CampaignFunnel funnel(@PathParam("id") String id, @QueryParam("from") String from,
                                 @QueryParam("to") String to) {
        return funnels.of(id, from, to);
    }
}
