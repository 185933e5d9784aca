package com.bank.callcenter.books;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

@Path("/api/books")
@Tag(name = "books", description = "Remote managers' books: assignment, locks and change requests")
public class BookResource {

    private static final String TOTAL_HEADER = "X-Total-Count";

    private final BookService books;
    private final BookHandover handover;

    public BookResource(BookService books, BookHandover handover) {
        this.books = books;
        this.handover = handover;
    }

    @POST
    @Path("/assign")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Give every active LONG_TAIL customer without a manager to the least-loaded RM of their branch")
    public AssignmentOutcome assign() {
        return books.assign();
    }

    @POST
    @Path("/lock")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Lock the books of a period (YYYY-MM); idempotent")
    public BookLockView lock(@QueryParam("period") String period) {
        return BookLockView.of(books.lock(BookPeriods.parse(period)));
    }

    @DELETE
    @Path("/lock")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Unlock the books of a period (YYYY-MM); idempotent")
    public void unlock(@QueryParam("period") String period) {
        books.unlock(BookPeriods.parse(period));
    }

    @GET
    @Path("/locks")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "List the locked periods, newest first")
    public List<BookLockView> locks() {
        return books.locks().stream().map(BookLockView::of).toList();
    }

    @POST
    @Path("/changes")
    @RolesAllowed({Roles.RM, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Request a change of a customer's manager; applied at once by a supervisor "
            + "outside a locked period, else pending approval")
    public Response requestChange(@Valid @NotNull NewBookChange body) {
        BookChangeView change = BookChangeView.of(books.requestChange(body));
        return Response.created(URI.create("/api/books/changes/" + change.id())).entity(change).build();
    }

    @POST
    @Path("/changes/{id}/approve")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Approve a pending change request and apply it")
    public BookChangeView approve(@PathParam("id") long id) {
        return BookChangeView.of(books.approve(id));
    }

    @POST
    @Path("/changes/{id}/reject")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Reject a pending change request")
    public BookChangeView reject(@PathParam("id") long id) {
        return BookChangeView.of(books.reject(id));
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "List book changes, optionally by state and customer, newest first (at most limit)")
    public List<BookChangeView> changes(@QueryParam("state") String state, @QueryParam("customerId") String customerId,
                                        @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
        return books.changes(parseState(state), customerId, limit).stream().map(BookChangeView::of).toList();
    }

    @GET
    @Path("/handover")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Customers to hand over: their manager is inactive (manager-inactive), or they are in an "
            + "RM's book but no longer LONG_TAIL (left-long-tail); a page at a time, X-Total-Count header")
    public Response handover(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                             @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return Response.ok(handover.page(page, size)).header(TOTAL_HEADER, handover.count()).build();
    }

    @GET
    @Path("/{staffId}")
    @RolesAllowed({Roles.RM, Roles.PLANNER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A manager's book: size, capacity and tier mix (an RM sees only their own)")
    public BookSummary summary(@PathParam("staffId") String staffId) {
        return books.summary(staffId);
    }

    private static BookChangeState parseState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return BookChangeState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-state", "state must be one of "
                    + Arrays.toString(BookChangeState.values()) + ", not '" + state + "'");
        }
    }
}
