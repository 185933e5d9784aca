package com.bank.callcenter.dashboard;

import com.bank.callcenter.staff.StaffRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Staff names, roles and branches, read from PostgreSQL at most every callcenter.dashboard.staff-cache —
 * or sooner when the dashboard meets a staff id it does not know (a new RM), at most once a second, so
 * that viewers never make the service read the staff table on every look.
 */
@ApplicationScoped
public class StaffDirectory {

    private static final Duration MISS_RELOAD_GAP = Duration.ofSeconds(1);

    /** One member of staff. */
    record Member(String staffId, String name, StaffRole role, String branchId, boolean active) {

        boolean isRm() {
            return role == StaffRole.REMOTE_MANAGER;
        }
    }

    private final EntityManager em;
    private final DashboardConfig config;
    private volatile Map<String, Member> members = Map.of();
    private volatile Instant loadedAt = Instant.MIN;

    public StaffDirectory(EntityManager em, DashboardConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Everyone, reloaded when stale or when one of {@code expected} is unknown. */
    Map<String, Member> members(Collection<String> expected) {
        Instant now = Instant.now();
        boolean stale = loadedAt.plus(config.staffCache()).isBefore(now);
        boolean missing = expected.stream().anyMatch(id -> !members.containsKey(id))
                && loadedAt.plus(MISS_RELOAD_GAP).isBefore(now);
        if (stale || missing) {
            load(now);
        }
        return members;
    }

    private synchronized void load(Instant now) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select staff_id, name, role, branch_id, active from staff").getResultList());
        Map<String, Member> loaded = new HashMap<>();
        for (Object[] row : rows) {
            StaffRole role = row[2] == null ? null : StaffRole.valueOf((String) row[2]);
            loaded.put((String) row[0], new Member((String) row[0], (String) row[1], role, (String) row[3],
                    Boolean.TRUE.equals(row[4])));
        }
        members = Map.copyOf(loaded);
        loadedAt = now;
    }
}
