package com.bank.callcenter.diagnostics;

import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Why a campaign is or is not working right now, for planners, supervisors and admins. */
@Path("/api/campaigns/{id}/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.PLANNER, Roles.ADMIN})
public class CampaignDiagnosticsResource {

    private final CampaignDiagnostics diagnostics;

    public CampaignDiagnosticsResource(CampaignDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @GET
    @Operation(summary = "Why the campaign is or is not dialing right now (reasons in Chinese and English, list counts)")
    public CampaignDiagnostics.Diagnostics diagnostics(@PathParam("id") String id) {
        return diagnostics.diagnose(id);
    }
}
