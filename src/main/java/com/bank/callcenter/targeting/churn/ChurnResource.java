package com.bank.callcenter.targeting.churn;

import com.bank.callcenter.common.AsOfDate;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.customers.CustomerService;
import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's churn score explained; an RM only for customers in their own book. */
@Path("/api/customers/{id}/churn")
@Tag(name = "customers", description = "Customer cards; the mobile number is always masked")
public class ChurnResource {

    private final CustomerService customers;
    private final ChurnExplainer churn;
    private final CallCenterConfig config;

    public ChurnResource(CustomerService customers, ChurnExplainer churn, CallCenterConfig config) {
        this.customers = customers;
        this.churn = churn;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.RM, Roles.PLANNER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The customer's churn score at a date, factor by factor: value (0-1), weight and points")
    public ChurnExplainer.Explanation churn(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        return churn.explain(customers.readable(id).customerId, AsOfDate.parse(asOf, config.zone()));
    }
}
