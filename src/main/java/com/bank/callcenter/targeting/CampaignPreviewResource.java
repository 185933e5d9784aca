package com.bank.callcenter.targeting;

import com.bank.callcenter.campaigns.Campaign;
import com.bank.callcenter.common.AsOfDate;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A campaign's list counted and sampled, nothing saved; a root of its own, as /api/campaigns belongs to CampaignResource. */
@Path("/api/campaigns/{id}/preview")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignPreviewResource {

    private final ListBuilder builder;
    private final CallCenterConfig config;

    public CampaignPreviewResource(ListBuilder builder, CallCenterConfig config) {
        this.builder = builder;
        this.config = config;
    }

    @POST
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Count, exclusion counts and a sample of a campaign's list, without saving")
    public ListBuilder.Preview preview(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        Campaign campaign = Campaign.findByCampaignId(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
        return builder.preview(campaign, AsOfDate.parse(asOf, config.zone()));
    }
}
