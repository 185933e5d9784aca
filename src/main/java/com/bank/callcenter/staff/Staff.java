package com.bank.callcenter.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** A member of staff from the bank's staff extract. */
@Entity
@Table(name = "staff")
public class Staff extends PanacheEntityBase {

    @Id
    @Column(name = "staff_id")
    public String staffId;

    public String name;

    @Enumerated(EnumType.STRING)
    public StaffRole role;

    @Column(name = "branch_id")
    public String branchId;

    /** The Asterisk endpoint of the person's phone, e.g. 9101. */
    public String extension;

    public boolean active = true;

    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();

    public static Optional<Staff> findByStaffId(String staffId) {
        return findByIdOptional(staffId);
    }
}
