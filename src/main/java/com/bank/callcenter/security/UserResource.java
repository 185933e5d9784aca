package com.bank.callcenter.security;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.Set;

@Path("/api/users")
public class UserResource {

    private final UserService users;
    private final LoginActivation activation;
    private final CurrentUser currentUser;

    public UserResource(UserService users, LoginActivation activation, CurrentUser currentUser) {
        this.users = users;
        this.activation = activation;
        this.currentUser = currentUser;
    }

    public record Activity(@NotNull Boolean active) {
    }

    public record ActivityView(String username, boolean active) {
    }

    public record Me(String username, Set<String> roles, String staffId) {
    }

    public record NewPassword(@NotNull @Size(min = 8, max = 200) String password) {
    }

    @GET
    @Path("/me")
    @Authenticated
    public Me me() {
        AppUser user = users.get(currentUser.username());
        return new Me(user.username, user.roleSet(), user.staffId);
    }

    /** An admin sets a password: imported staff have none outside the embedded default. */
    @PUT
    @Path("/{username}/password")
    @RolesAllowed(Roles.ADMIN)
    public void setPassword(@PathParam("username") String username, @Valid @NotNull NewPassword body) {
        users.setPassword(username, body.password());
    }

    /** An admin switches a login off (a leaver: refused at once, book on the hand-over list) or on again. */
    @PUT
    @Path("/{username}/active")
    @RolesAllowed(Roles.ADMIN)
    public ActivityView setActive(@PathParam("username") String username, @Valid @NotNull Activity body) {
        AppUser user = activation.setActive(username, body.active());
        return new ActivityView(user.username, user.active);
    }
}
