package com.bank.callcenter.security;

import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Logins: the first admin, demo passwords, and passwords set by an admin. */
@ApplicationScoped
@Transactional
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);
    private static final List<String> DEMO_USERS = List.of(Roles.ADMIN, Roles.PLANNER, Roles.SUPERVISOR);

    private final PasswordHasher hasher;
    private final CallCenterConfig config;

    public UserService(PasswordHasher hasher, CallCenterConfig config) {
        this.hasher = hasher;
        this.config = config;
    }

    /**
     * Embedded default: admin, planner and supervisor exist with password = user name.
     * Otherwise an admin is created only from the configured admin password.
     */
    public void ensureFirstUsers() {
        if (config.demo().enabled()) {
            for (String role : DEMO_USERS) {
                String username = role.toLowerCase();
                if (AppUser.findByUsername(username).isEmpty()) {
                    create(username, role, null, username);
                }
            }
            grantDemoPasswords();
            return;
        }
        boolean anyAdmin = AppUser.count("roles like ?1", "%" + Roles.ADMIN + "%") > 0;
        if (!anyAdmin) {
            config.security().adminPassword().ifPresentOrElse(
                    password -> create("admin", Roles.ADMIN, null, password),
                    () -> LOG.warn("No admin user exists: set CALLCENTER_SECURITY_ADMIN_PASSWORD "
                            + "to create 'admin' at the next start"));
        }
    }

    /** In the embedded default every login without a password gets its user name as password. */
    public int grantDemoPasswords() {
        if (!config.demo().enabled()) {
            return 0;
        }
        List<AppUser> withoutPassword = AppUser.list("passwordHash is null");
        withoutPassword.forEach(user -> user.passwordHash = hasher.hash(user.username));
        return withoutPassword.size();
    }

    /**
     * The same, on a connection an import holds open: logins it created get their user name as
     * password, in the import's own transaction.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void grantDemoPasswords(Connection connection) throws SQLException {
        if (!config.demo().enabled()) {
            return;
        }
        List<String> usernames = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("select username from app_user where password_hash is null")) {
            while (rows.next()) {
                usernames.add(rows.getString(1));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update app_user set password_hash = ? where username = ?")) {
            for (String username : usernames) {
                update.setString(1, hasher.hash(username));
                update.setString(2, username);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    public AppUser create(String username, String roles, String staffId, String password) {
        AppUser user = new AppUser();
        user.username = username;
        user.roles = roles;
        user.staffId = staffId;
        user.passwordHash = password == null ? null : hasher.hash(password);
        user.persist();
        return user;
    }

    public void setPassword(String username, String password) {
        AppUser user = AppUser.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound("user", username));
        user.passwordHash = hasher.hash(password);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AppUser get(String username) {
        return AppUser.findByUsername(username).orElseThrow(() -> ProblemException.notFound("user", username));
    }
}
