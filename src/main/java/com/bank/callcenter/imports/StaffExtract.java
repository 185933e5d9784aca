package com.bank.callcenter.imports;

import com.bank.callcenter.common.CopyRowWriter;
import com.bank.callcenter.security.UserService;
import com.bank.callcenter.staff.StaffRole;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * staff: staff_id,name,role,branch_id,extension. Creates a login per staff member (user name =
 * staff id) without a usable password; in the embedded default the password is the user name.
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
        return List.of("extension");
    }

    @Override
    public String stagingColumns() {
        return "staff_id text, name text, role text, login_role text, branch_id text, extension text";
    }

    @Override
    public String stage(RowParser row, CopyRowWriter out) {
        String id = row.required("staff_id");
        String name = row.required("name");
        StaffRole role = row.oneOf("role", StaffRole.class, null);
        String branch = row.required("branch_id");
        String extension = row.optional("extension");
        if (row.rowOk()) {
            out.field(row.line()).field(id).field(name).field(role).field(role.loginRole()).field(branch).field(extension);
            out.endRow();
            return id;
        }
        return null;
    }

    @Override
    public long apply(Connection connection, LocalDate asOf) throws SQLException {
        long accepted = StagingSql.update(connection, """
                insert into staff (staff_id, name, role, branch_id, extension, active, updated_at)
                select staff_id, name, role, branch_id, extension, true, now() from staging
                on conflict (staff_id) do update set name = excluded.name, role = excluded.role,
                    branch_id = excluded.branch_id, extension = excluded.extension, active = true,
                    updated_at = excluded.updated_at
                """);
        StagingSql.update(connection, """
                insert into app_user (username, password_hash, roles, staff_id)
                select staff_id, null, login_role, staff_id from staging
                on conflict (username) do update set roles = excluded.roles, staff_id = excluded.staff_id
                """);
        users.grantDemoPasswords(connection);
        return accepted;
    }
}
