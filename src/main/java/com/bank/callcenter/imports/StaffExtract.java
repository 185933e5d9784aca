package com.bank.callcenter.imports;

import com.bank.callcenter.common.CopyRowWriter;
import com.bank.callcenter.security.Roles;
import com.bank.callcenter.security.UserService;
import com.bank.callcenter.staff.StaffRole;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * staff: staff_id,name,role,branch_id,extension[,active]. Creates a login per staff member (user
 * name = staff id) without a usable password; in the embedded default the password is the user
 * name. Only an admin imports it (see {@link ImportKind#adminOnly()}); it never grants ADMIN, never
 * changes a login that is not a staff login ({@link StaffLogins}), and a row with active=false is a
 * leaver: the login is refused and the book goes on the hand-over list.
 */
@ApplicationScoped
class StaffExtract implements ExtractFormat {

    private final UserService users;

    StaffExtract(UserService users) {
        this.users = users;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.STAFF;
    }

    @Override
    public String idColumn() {
        return "staff_id";
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("staff_id", "name", "role", "branch_id");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of("extension", "active");
    }

    @Override
    public String stagingColumns() {
        return "staff_id text, name text, role text, login_role text, branch_id text, extension text, active boolean";
    }

    @Override
    public String stage(RowParser row, CopyRowWriter out) {
        String id = row.required("staff_id");
        String name = row.required("name");
        StaffRole role = role(row);
        String branch = row.required("branch_id");
        String extension = row.optional("extension");
        boolean active = row.bool("active", true);
        if (row.rowOk()) {
            out.field(id).field(name).field(role).field(role.loginRole()).field(branch).field(extension)
                    .field(active);
            return id;
        }
        return null;
    }

    /** The staff roles only: ADMIN is never granted by an extract. */
    private static StaffRole role(RowParser row) {
        String given = row.optional("role");
        if (Roles.ADMIN.equalsIgnoreCase(given)) {
            row.reject("role", "ADMIN is never granted by a staff extract; roles are REMOTE_MANAGER, SUPERVISOR, PLANNER");
            return null;
        }
        return row.oneOf("role", StaffRole.class, null);
    }

    @Override
    public List<RowError> check(Connection connection, int limit) throws SQLException {
        return StaffLogins.notStaffLogins(connection, limit);
    }

    @Override
    public long apply(Connection connection, LocalDate asOf) throws SQLException {
        return apply(connection, asOf, "unknown");
    }

    @Override
    public long apply(Connection connection, LocalDate asOf, String requestedBy) throws SQLException {
        StaffLogins.auditChanges(connection, requestedBy);
        long accepted = StagingSql.update(connection, """
                insert into staff (staff_id, name, role, branch_id, extension, active, updated_at)
                select staff_id, name, role, branch_id, extension, active, now() from staging
                on conflict (staff_id) do update set name = excluded.name, role = excluded.role,
                    branch_id = excluded.branch_id, extension = excluded.extension, active = excluded.active,
                    updated_at = excluded.updated_at
                """);
        StagingSql.update(connection, """
                insert into app_user (username, password_hash, roles, staff_id, active)
                select staff_id, null, login_role, staff_id, active from staging
                on conflict (username) do update set roles = excluded.roles, staff_id = excluded.staff_id,
                    active = excluded.active
                """);
        users.grantDemoPasswords(connection);
        return accepted;
    }
}
