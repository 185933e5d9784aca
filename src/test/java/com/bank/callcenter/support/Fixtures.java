package com.bank.callcenter.support;

import com.bank.callcenter.customers.CustomerStatus;
import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Test rows written straight into the shared test database. Every test uses its own ids
 * (see {@link #unique}), since the database is not cleaned between tests. SQL of a test's own goes
 * through {@link Db} (JDBC, {@code ?} placeholders).
 */
@ApplicationScoped
public class Fixtures {

    private final PasswordHasher hasher;

    public Fixtures(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /** "BR-1a2b3c4d": an id nobody else in this test run uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String remoteManager(String branchId) {
        return staff("REMOTE_MANAGER", branchId, true);
    }

    public String staff(String role, String branchId, boolean active) {
        String staffId = unique("S");
        Db.execute("insert into staff (staff_id, name, role, branch_id, active) values (?, ?, ?, ?, ?)",
                staffId, "Name of " + staffId, role, branchId, active);
        return staffId;
    }

    /** A login for the staff member with role RM; the password is the user name (= staff id). */
    public String rmLogin(String staffId) {
        Db.execute("insert into app_user (username, password_hash, roles, staff_id) values (?, ?, 'RM', ?)",
                staffId, hasher.hash(staffId), staffId);
        return staffId;
    }

    /** A remote manager of the branch who can log in (user name = password = staff id). */
    public String remoteManagerWithLogin(String branchId) {
        return rmLogin(remoteManager(branchId));
    }

    /**
     * A customer of the branch with a new id (C-...) and the values these tests share: name 张三,
     * mobile 13912345678, aum 20000.00, LONG_TAIL, ACTIVE, no manager, as of 2026-11-20.
     */
    public TestCustomers.Builder customer(String homeBranchId) {
        return TestCustomers.customer(unique("C")).branch(homeBranchId).name("张三").mobile("13912345678")
                .aum("20000.00").tier(Tier.LONG_TAIL).status(CustomerStatus.ACTIVE).asOf(LocalDate.of(2026, 11, 20));
    }

    /** Gives the manager {@code count} customers of another tier, to make a book of a given size. */
    public void fillBook(String managerId, String branchId, int count) {
        for (int i = 0; i < count; i++) {
            customer(branchId).tier(Tier.MASS).manager(managerId).insert();
        }
    }

    public void holding(String customerId, String branchId, String productType, String amount, LocalDate maturity) {
        Db.execute("""
                        insert into holding (holding_id, customer_id, branch_id, product_type, amount, maturity_date, as_of)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                unique("H"), customerId, branchId, productType, new BigDecimal(amount), maturity, LocalDate.of(2026, 11, 20));
    }

    public String managerOf(String customerId) {
        return (String) Db.value("select manager_id from customer where customer_id = ?", customerId);
    }

    public long bookSize(String managerId) {
        return Db.count("select count(*) from customer where manager_id = ?", managerId);
    }

    public void unlockPeriod(String period) {
        Db.execute("delete from book_lock where period = ?", period);
    }
}
