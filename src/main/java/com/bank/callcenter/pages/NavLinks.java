package com.bank.callcenter.pages;

import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/**
 * Which of the pages that depend on the login's roles the navigation offers ({@code inject:nav} in
 * pages/nav.html), so that pages need not pass a flag per link.
 */
@Named("nav")
@RequestScoped
public class NavLinks {

    /** Who may open /dashboard. */
    public static final List<String> DASHBOARD_ROLES = List.of(Roles.SUPERVISOR, Roles.ADMIN);

    /** Who may open /scores (an RM sees their own row only). */
    public static final List<String> SCORES_ROLES = List.of(Roles.RM, Roles.SUPERVISOR, Roles.ADMIN);

    private final CurrentUser currentUser;

    public NavLinks(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    public boolean isDashboard() {
        return DASHBOARD_ROLES.stream().anyMatch(currentUser::is);
    }

    public boolean isScores() {
        return SCORES_ROLES.stream().anyMatch(currentUser::is);
    }
}
