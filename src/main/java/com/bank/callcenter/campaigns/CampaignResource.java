package com.bank.callcenter.campaigns;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;

/** Campaigns over HTTP: planners and admins change them, supervisors read them. */
@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.PLANNER, Roles.ADMIN})
public class CampaignResource {

    private final CampaignService campaigns;
    private final CampaignFiles files;
    private final CurrentUser currentUser;

    public CampaignResource(CampaignService campaigns, CampaignFiles files, CurrentUser currentUser) {
        this.campaigns = campaigns;
        this.files = files;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(summary = "Every campaign, the one that runs first (lowest priority) first")
    public List<CampaignSummary> list() {
        return campaigns.list();
    }

    @GET
    @Path("/file-problems")
    @Operation(summary = "Campaign files that were not loaded at start-up: file, field at fault, message")
    public List<FileProblem> fileProblems() {
        return files.problems();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A campaign: its full definition (defaults filled in), state, source and version")
    public CampaignView get(@PathParam("id") String id) {
        return campaigns.find(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @CustomDeserialization(StrictJson.class)
    @Operation(summary = "Create a campaign (DRAFT, version 1); 409 if the id exists")
    public Response create(@Valid @NotNull CampaignDefinition definition) {
        CampaignView created = campaigns.create(definition, currentUser.username());
        return Response.created(URI.create("/api/campaigns/" + created.definition().id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @CustomDeserialization(StrictJson.class)
    @Operation(summary = "Replace a campaign's definition (version + 1); the body's id must be the path's id")
    public CampaignView replace(@PathParam("id") String id, @Valid @NotNull CampaignDefinition definition) {
        return campaigns.replace(id, definition, currentUser.username());
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "DRAFT or PAUSED → ACTIVE; any other state is a 409")
    public CampaignView start(@PathParam("id") String id) {
        return campaigns.transition(id, CampaignTransition.START, currentUser.username());
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "ACTIVE → PAUSED; any other state is a 409")
    public CampaignView pause(@PathParam("id") String id) {
        return campaigns.transition(id, CampaignTransition.PAUSE, currentUser.username());
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "DRAFT, ACTIVE or PAUSED → ENDED (final); ENDED is a 409")
    public CampaignView end(@PathParam("id") String id) {
        return campaigns.transition(id, CampaignTransition.END, currentUser.username());
    }
}
