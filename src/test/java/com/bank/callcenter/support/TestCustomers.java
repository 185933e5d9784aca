package com.bank.callcenter.support;

import com.bank.callcenter.customers.CustomerStatus;
import com.bank.callcenter.customers.Tier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The one way tests write {@code customer} rows (see V1__foundation.sql):
 * <pre>{@code
 * TestCustomers.customer("P-1").branch("BR001").mobile("13800000001").aum("30000").manager("rm001").insert();
 * }</pre>
 * Defaults: name "客户" + id, mobile {@value #DEFAULT_MOBILE}, no holdings branch, aum 20000, LONG_TAIL,
 * not payroll, ACTIVE, no manager, as of {@link #AS_OF}. The home branch has no default: set it with
 * {@link Builder#branch}. The database is not cleaned between tests, so every test uses ids of its own.
 */
public final class TestCustomers {

    /** The extract date most customer rows of the tests come from. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    public static final String DEFAULT_MOBILE = "13912345678";

    private TestCustomers() {
    }

    /** A customer row with the defaults above, to be inserted with {@link Builder#insert()}. */
    public static Builder customer(String customerId) {
        return new Builder(customerId);
    }

    public static final class Builder {

        private final String customerId;
        private String name;
        private String mobile = DEFAULT_MOBILE;
        private String homeBranchId;
        private String holdingsBranchId;
        private BigDecimal aum = new BigDecimal("20000.00");
        private String tier = Tier.LONG_TAIL.name();
        private boolean payroll;
        private String status = CustomerStatus.ACTIVE.name();
        private String managerId;
        /** null: the database's current_date. */
        private LocalDate asOf = AS_OF;

        private Builder(String customerId) {
            this.customerId = customerId;
            this.name = "客户" + customerId;
        }

        public String id() {
            return customerId;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** The mobile number; null for none. */
        public Builder mobile(String value) {
            this.mobile = value;
            return this;
        }

        /** The home branch (home_branch_id). */
        public Builder branch(String branchId) {
            this.homeBranchId = branchId;
            return this;
        }

        /** The branch that holds most of the customer's assets, when it is not the home branch. */
        public Builder holdingsBranch(String branchId) {
            this.holdingsBranchId = branchId;
            return this;
        }

        public Builder aum(String value) {
            this.aum = new BigDecimal(value);
            return this;
        }

        public Builder aum(double value) {
            this.aum = BigDecimal.valueOf(value);
            return this;
        }

        public Builder tier(Tier value) {
            return tier(value.name());
        }

        /** The tier as stored, e.g. "MID_HIGH". */
        public Builder tier(String value) {
            this.tier = value;
            return this;
        }

        public Builder payroll(boolean value) {
            this.payroll = value;
            return this;
        }

        public Builder status(CustomerStatus value) {
            return status(value.name());
        }

        /** The status as stored, e.g. "CLOSED". */
        public Builder status(String value) {
            this.status = value;
            return this;
        }

        /** The manager (staff id) whose book the customer is in; null for none. */
        public Builder manager(String staffId) {
            this.managerId = staffId;
            return this;
        }

        public Builder asOf(LocalDate value) {
            this.asOf = value;
            return this;
        }

        /** As of the database's {@code current_date}. */
        public Builder asOfToday() {
            this.asOf = null;
            return this;
        }

        /** Inserts the row and returns its customer id. */
        public String insert() {
            if (homeBranchId == null) {
                throw new IllegalStateException("customer " + customerId + " needs a home branch: branch(...)");
            }
            String insert = """
                    insert into customer (customer_id, name, mobile, home_branch_id, holdings_branch_id, aum, tier,
                                          payroll, status, manager_id, as_of)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s)""";
            Object[] values = {customerId, name, mobile, homeBranchId, holdingsBranchId, aum, tier,
                    payroll, status, managerId};
            if (asOf == null) {
                Db.execute(insert.formatted("current_date"), values);
            } else {
                Object[] withAsOf = java.util.Arrays.copyOf(values, values.length + 1);
                withAsOf[values.length] = asOf;
                Db.execute(insert.formatted("?"), withAsOf);
            }
            return customerId;
        }
    }
}
