package com.bank.callcenter.targeting;

import com.bank.callcenter.campaigns.Campaign;
import com.bank.callcenter.common.AsOfDate;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.Map;

/** Building and freezing a campaign's list; a root of its own, as /api/campaigns belongs to CampaignResource. */
@Path("/api/campaigns/{id}/lists")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignListBuildResource {

    private final ListBuilder builder;
    private final CurrentUser currentUser;
    private final CallCenterConfig config;

    public CampaignListBuildResource(ListBuilder builder, CurrentUser currentUser, CallCenterConfig config) {
        this.builder = builder;
        this.currentUser = currentUser;
        this.config = config;
    }

    /** What a list build answers: the frozen list's id, size, exclusion counts and build time. */
    public record BuiltList(long listId, int size, Map<String, Long> excluded, long buildMillis,
                            boolean alreadyBuilt) {
    }

    @POST
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "Build and freeze a campaign's list for a date (201; 200 with the same list if already built)")
    public Response buildList(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        Campaign campaign = Campaign.findByCampaignId(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
        ListBuilder.Built built = builder.build(campaign, AsOfDate.parse(asOf, config.zone()), currentUser.username());
        BuiltList body = new BuiltList(built.listId(), built.size(), built.excluded(), built.buildMillis(),
                built.alreadyBuilt());
        return built.alreadyBuilt() ? Response.ok(body).build()
                : Response.created(URI.create("/api/lists/" + built.listId())).entity(body).build();
    }
}
