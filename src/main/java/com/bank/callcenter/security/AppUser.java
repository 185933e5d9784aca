package com.bank.callcenter.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A login. Staff imports create one per staff member; the user name is the staff id. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    public String username;

    /** bcrypt in modular crypt format; null means no usable password yet. */
    @Column(name = "password_hash")
    public String passwordHash;

    /** Comma-separated {@link Roles}. */
    public String roles;

    @Column(name = "staff_id")
    public String staffId;

    /** False for a leaver: the login is refused, with a password and with a login cookie. */
    public boolean active = true;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public Set<String> roleSet() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A login made by a staff import (the user name is its staff id); admin and logins made by hand are not. */
    public boolean isStaffLogin() {
        return username.equals(staffId);
    }

    public boolean isAdmin() {
        return roleSet().contains(Roles.ADMIN);
    }

    public static Optional<AppUser> findByUsername(String username) {
        return findByIdOptional(username);
    }
}
