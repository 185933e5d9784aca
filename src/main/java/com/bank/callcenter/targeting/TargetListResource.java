package com.bank.callcenter.targeting;

import com.bank.callcenter.common.AsOfDate;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.lists.ListEntryView;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.util.List;

/**
 * Target lists: the morning build, frozen lists and their entries. Previewing and building one campaign's list are
 * {@link CampaignPreviewResource} and {@link CampaignListBuildResource}: a root under /api would never see
 * /api/campaigns/…, which {@code CampaignResource} owns.
 */
@Path("/api/lists")
@Produces(MediaType.APPLICATION_JSON)
public class TargetListResource {

    private static final String TOTAL_HEADER = "X-Total-Count";

    private final TargetLists lists;
    private final CurrentUser currentUser;
    private final CallCenterConfig config;
    private final MorningListBuild morningBuild;

    public TargetListResource(TargetLists lists, CurrentUser currentUser, CallCenterConfig config,
                              MorningListBuild morningBuild) {
        this.morningBuild = morningBuild;
        this.lists = lists;
        this.currentUser = currentUser;
        this.config = config;
    }

    @POST
    @Path("/morning-build")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Run the morning build of every ACTIVE campaign's list now (what the scheduler does at 07:00)")
    public MorningListBuild.Report morningBuild(@QueryParam("asOf") String asOf) {
        return morningBuild.buildAll(date(asOf));
    }

    @GET
    @Path("/morning-build")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.SUPERVISOR})
    @Operation(summary = "The last morning build this instance ran")
    public MorningListBuild.Report lastMorningBuild() {
        return morningBuild.last().orElseThrow(() -> ProblemException.notFound("morning build", "since start"));
    }

    @GET
    @Path("/{listId}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "A frozen list: campaign, date, size, exclusion counts")
    public TargetList list(@PathParam("listId") long listId) {
        return lists.get(listId);
    }

    @GET
    @Path("/{listId}/entries")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.SUPERVISOR, Roles.RM})
    @Operation(summary = "Entries of a list in priority order, a page at a time (an RM sees only their own)")
    public Response entries(@PathParam("listId") long listId,
                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        String onlyManager = currentUser.isOnlyRemoteManager()
                ? currentUser.staffId().orElseThrow(() -> ProblemException.forbidden("this login has no staff record"))
                : null;
        lists.get(listId);
        List<ListEntryView> entries = lists.entries(listId, onlyManager, page, size);
        return Response.ok(entries).header(TOTAL_HEADER, lists.countEntries(listId, onlyManager)).build();
    }

    private LocalDate date(String text) {
        return AsOfDate.parse(text, config.zone());
    }
}
