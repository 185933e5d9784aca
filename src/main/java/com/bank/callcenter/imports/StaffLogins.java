package com.bank.callcenter.imports;

import com.bank.callcenter.audit.AuditEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a staff extract may do to logins: it changes only logins it made itself (user name = the
 * login's staff id), never {@code admin} nor a login made by hand; and every change of roles or of
 * active it makes is written to the audit log with the value before and after.
 */
final class StaffLogins {

    private static final String NOT_STAFF_LOGINS = """
            select s.line, s.staff_id from staging s
            join app_user u on u.username = s.staff_id
            where u.staff_id is distinct from u.username
            order by s.line limit ?""";

    private static final String AUDIT_ROLES = """
            insert into audit_log (username, action, subject, before_value, after_value)
            select ?, ?, s.staff_id, u.roles, s.login_role
            from staging s left join app_user u on u.username = s.staff_id
            where u.roles is distinct from s.login_role
            order by s.line""";

    private static final String AUDIT_ACTIVE = """
            insert into audit_log (username, action, subject, before_value, after_value)
            select ?, ?, s.staff_id, cast(u.active as text), cast(s.active as text)
            from staging s join app_user u on u.username = s.staff_id
            where u.active <> s.active
            order by s.line""";

    private StaffLogins() {
    }

    /** Rows naming a login that is not a staff login (e.g. admin): each is a row error. */
    static List<RowError> notStaffLogins(Connection connection, int limit) throws SQLException {
        List<RowError> errors = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(NOT_STAFF_LOGINS)) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    errors.add(new RowError(rows.getLong(1), "staff_id", "the login " + rows.getString(2)
                            + " is not a staff login (an admin's or one made by hand); a staff extract never changes it"));
                }
            }
        }
        return errors;
    }

    /** Audits the changes the staged rows are about to make; call before they are applied. */
    static void auditChanges(Connection connection, String requestedBy) throws SQLException {
        StagingSql.update(connection, AUDIT_ROLES, requestedBy, AuditEntry.CHANGE_ROLES);
        StagingSql.update(connection, AUDIT_ACTIVE, requestedBy, AuditEntry.CHANGE_ACTIVE);
    }
}
