package com.bank.callcenter.support;

import com.bank.callcenter.customers.CustomerStatus;
import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.security.PasswordHasher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Test rows written straight into the shared test database. Every test uses its own ids
 * (see {@link #unique}), since the database is not cleaned between tests.
 */
@ApplicationScoped
public class Fixtures {

    private final EntityManager entityManager;
    private final PasswordHasher hasher;

    public Fixtures(EntityManager entityManager, PasswordHasher hasher) {
        this.entityManager = entityManager;
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
        execute("insert into staff (staff_id, name, role, branch_id, active) values (?1, ?2, ?3, ?4, ?5)",
                staffId, "Name of " + staffId, role, branchId, active);
        return staffId;
    }

    /** A login for the staff member with role RM; the password is the user name (= staff id). */
    public String rmLogin(String staffId) {
        execute("insert into app_user (username, password_hash, roles, staff_id) values (?1, ?2, 'RM', ?1)",
                staffId, hasher.hash(staffId));
        return staffId;
    }

    /** A remote manager of the branch who can log in (user name = password = staff id). */
    public String remoteManagerWithLogin(String branchId) {
        return rmLogin(remoteManager(branchId));
    }

    public CustomerRow customer(String homeBranchId) {
        return new CustomerRow(unique("C"), homeBranchId);
    }

    /** Gives the manager {@code count} customers of another tier, to make a book of a given size. */
    public void fillBook(String managerId, String branchId, int count) {
        for (int i = 0; i < count; i++) {
            customer(branchId).tier(Tier.MASS).manager(managerId).insert();
        }
    }

    public void holding(String customerId, String branchId, String productType, String amount, LocalDate maturity) {
        execute("""
                        insert into holding (holding_id, customer_id, branch_id, product_type, amount, maturity_date, as_of)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""",
                unique("H"), customerId, branchId, productType, new BigDecimal(amount), maturity, LocalDate.of(2026, 11, 20));
    }

    public String managerOf(String customerId) {
        return (String) single("select manager_id from customer where customer_id = ?1", customerId);
    }

    public long bookSize(String managerId) {
        return count("select count(*) from customer where manager_id = ?1", managerId);
    }

    public void unlockPeriod(String period) {
        execute("delete from book_lock where period = ?1", period);
    }

    public void execute(String sql, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> query(sql, parameters).executeUpdate());
    }

    public long count(String sql, Object... parameters) {
        return ((Number) single(sql, parameters)).longValue();
    }

    public Object single(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> query(sql, parameters).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> query(sql, parameters).getResultList());
    }

    private Query query(String sql, Object... parameters) {
        Query query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    /** A customer row with sensible defaults: ACTIVE, LONG_TAIL, no manager, no holdings branch. */
    public final class CustomerRow {

        private final String customerId;
        private final String homeBranchId;
        private String holdingsBranchId;
        private String name = "张三";
        private String mobile = "13912345678";
        private Tier tier = Tier.LONG_TAIL;
        private String aum = "20000.00";
        private CustomerStatus status = CustomerStatus.ACTIVE;
        private String managerId;
        private boolean payroll;

        private CustomerRow(String customerId, String homeBranchId) {
            this.customerId = customerId;
            this.homeBranchId = homeBranchId;
        }

        public CustomerRow holdingsBranch(String branchId) {
            this.holdingsBranchId = branchId;
            return this;
        }

        public CustomerRow name(String value) {
            this.name = value;
            return this;
        }

        public CustomerRow mobile(String value) {
            this.mobile = value;
            return this;
        }

        public CustomerRow tier(Tier value) {
            this.tier = value;
            return this;
        }

        public CustomerRow aum(String value) {
            this.aum = value;
            return this;
        }

        public CustomerRow status(CustomerStatus value) {
            this.status = value;
            return this;
        }

        public CustomerRow manager(String value) {
            this.managerId = value;
            return this;
        }

        public CustomerRow payroll(boolean value) {
            this.payroll = value;
            return this;
        }

        /** Inserts the row and returns its customer id. */
        public String insert() {
            execute("""
                            insert into customer (customer_id, name, mobile, home_branch_id, holdings_branch_id, aum, tier,
                                                  payroll, status, manager_id, as_of)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""",
                    customerId, name, mobile, homeBranchId, holdingsBranchId, new BigDecimal(aum), tier.name(),
                    payroll, status.name(), managerId, LocalDate.of(2026, 11, 20));
            return customerId;
        }
    }
}
