package com.bank.callcenter.targeting.churn;

import com.bank.callcenter.audit.AuditEntry;
import com.bank.callcenter.common.AsOfDate;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.customers.CustomerService;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's churn score explained; an RM only for customers in their own book. Every explanation is audited. */
@Path("/api/customers/{id}/churn")
@Tag(name = "customers", description = "Customer cards; the mobile number is always masked")
public class ChurnResource {

    private final CustomerService customers;
    private final ChurnExplainer churn;
    private final CallCenterConfig config;
    private final CurrentUser currentUser;

    public ChurnResource(CustomerService customers, ChurnExplainer churn, CallCenterConfig config,
                         CurrentUser currentUser) {
        this.customers = customers;
        this.churn = churn;
        this.config = config;
        this.currentUser = currentUser;
    }

    @GET
    @RolesAllowed({Roles.RM, Roles.PLANNER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The customer's churn score at a date, factor by factor: value (0-1), weight and points")
    @Transactional
    public ChurnExplainer.Explanation churn(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        ChurnExplainer.Explanation explanation =
                churn.explain(customers.readable(id).customerId, AsOfDate.parse(asOf, config.zone()));
        // in the explanation's transaction, like a card view: no explanation leaves without its audit row
        AuditEntry.customerViewed(currentUser.username(), AuditEntry.VIEW_CHURN, explanation.customerId());
        return explanation;
    }
}
