package com.bank.callcenter.customers;

import com.bank.callcenter.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/customers")
@Tag(name = "customers", description = "Customer cards; the mobile number is always masked")
public class CustomerResource {

    private final CustomerService customers;

    public CustomerResource(CustomerService customers) {
        this.customers = customers;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RM, Roles.PLANNER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The customer's card (an RM sees only customers in their own book); every view is audited")
    public CustomerCard card(@PathParam("id") String id) {
        return customers.card(id);
    }
}
