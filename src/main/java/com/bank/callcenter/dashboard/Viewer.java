package com.bank.callcenter.dashboard;

import java.util.Optional;

/**
 * Whose RMs a viewer sees: every RM (ADMIN, a supervisor login without a branch) or one branch's
 * (a supervisor with a staff record in that branch).
 */
record Viewer(Optional<String> branch) {

    static Viewer everyone() {
        return new Viewer(Optional.empty());
    }

    static Viewer branch(String branchId) {
        return new Viewer(Optional.of(branchId));
    }

    boolean sees(StaffDirectory.Member rm) {
        return branch.map(b -> b.equals(rm.branchId())).orElse(true);
    }
}
