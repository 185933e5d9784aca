package com.bank.callcenter.targeting;

import com.bank.callcenter.campaigns.Campaign;
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

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Target lists: previewing and building a campaign's list, the morning build, frozen lists and their entries. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class TargetListResource {

    private static final String TOTAL_HEADER = "X-Total-Count";

    private final TargetLists lists;
    private final CurrentUser currentUser;
    private final CallCenterConfig config;
    private final MorningListBuild morningBuild;
    private final ListBuilder builder;

    public TargetListResource(TargetLists lists, CurrentUser currentUser, CallCenterConfig config,
                              MorningListBuild morningBuild, ListBuilder builder) {
        this.morningBuild = morningBuild;
        this.builder = builder;
        this.lists = lists;
        this.currentUser = currentUser;
        this.config = config;
    }

    /** What a list build answers: the frozen list's id, size, exclusion counts and build time. */
    public record BuiltList(long listId, int size, Map<String, Long> excluded, long buildMillis,
                            boolean alreadyBuilt) {
    }

    @POST
    @Path("/campaigns/{id}/preview")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "Count, exclusion counts and a sample of a campaign's list, without saving")
    public ListBuilder.Preview preview(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        return builder.preview(stored(id), date(asOf));
    }

    @POST
    @Path("/campaigns/{id}/lists")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(summary = "Build and freeze a campaign's list for a date (201; 200 with the same list if already built)")
    public Response buildList(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        ListBuilder.Built built = builder.build(stored(id), date(asOf), currentUser.username());
        BuiltList body = new BuiltList(built.listId(), built.size(), built.excluded(), built.buildMillis(),
                built.alreadyBuilt());
        return built.alreadyBuilt() ? Response.ok(body).build()
                : Response.created(URI.create("/api/lists/" + built.listId())).entity(body).build();
    }

    private static Campaign stored(String id) {
        return Campaign.findByCampaignId(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    @POST
    @Path("/lists/morning-build")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Run the morning build of every ACTIVE campaign's list now (what the scheduler does at 07:00)")
    public MorningListBuild.Report morningBuild(@QueryParam("asOf") String asOf) {
        return morningBuild.buildAll(date(asOf));
    }

    @GET
    @Path("/lists/morning-build")
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.SUPERVISOR})
    @Operation(summary = "The last morning build this instance ran")
    public MorningListBuild.Report lastMorningBuild() {
        return morningBuild.last().orElseThrow(() -> ProblemException.notFound("morning build", "since start"));
    }

    @GET
    @Path("/lists/{listId}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(summary = "A frozen list: campaign, date, size, exclusion counts")
    public TargetList list(@PathParam("listId") long listId) {
        return lists.get(listId);
    }

    @GET
    @Path("/lists/{listId}/entries")
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
