package com.bank.callcenter.imports;

import com.bank.callcenter.customers.TierPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * customers: customer_id,name,mobile,home_branch_id,aum,payroll,status. Each import is a dated
 * snapshot: the customer row takes the newest data, customer_snapshot keeps tier and AUM per asOf.
 * The manager (the book) is never touched by an import.
 */
@ApplicationScoped
class CustomersExtract implements ExtractFormat {

    enum Status { ACTIVE, CLOSED, DECEASED }

    private final TierPolicy tiers;

    CustomersExtract(TierPolicy tiers) {
        this.tiers = tiers;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CUSTOMERS;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("customer_id", "name", "home_branch_id", "aum");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of("mobile", "payroll", "status");
    }

    @Override
    public String stagingColumns() {
        return "customer_id text, name text, mobile text, home_branch_id text, aum numeric(18,2), "
                + "tier text, payroll boolean, status text";
    }

    @Override
    public void stage(RowParser row, CopyRowWriter out) {
        String id = row.required("customer_id");
        String name = row.required("name");
        String mobile = row.mobile("mobile", false);
        String homeBranch = row.required("home_branch_id");
        BigDecimal aum = row.amount("aum");
        boolean payroll = row.bool("payroll");
        Status status = row.oneOf("status", Status.class, Status.ACTIVE);
        if (row.rowOk()) {
            out.field(row.line()).field(id).field(name).field(mobile).field(homeBranch).field(aum)
                    .field(tiers.tierOf(aum)).field(payroll).field(status);
            out.endRow();
        }
    }

    @Override
    public List<RowError> check(Connection connection, int limit) throws SQLException {
        return StagingSql.duplicates(connection, "customer_id", limit);
    }

    @Override
    public long apply(Connection connection, LocalDate asOf) throws SQLException {
        // One pass over staging: upsert the current state (an older extract never overwrites a
        // newer one) and record the dated snapshot.
        return StagingSql.update(connection, """
                with upserted as (
                    insert into customer (customer_id, name, mobile, home_branch_id, aum, tier, payroll, status, as_of, updated_at)
                    select customer_id, name, mobile, home_branch_id, aum, tier, payroll, status, ?, now() from staging
                    on conflict (customer_id) do update set
                        name = excluded.name, mobile = excluded.mobile, home_branch_id = excluded.home_branch_id,
                        aum = excluded.aum, tier = excluded.tier, payroll = excluded.payroll,
                        status = excluded.status, as_of = excluded.as_of, updated_at = excluded.updated_at
                    where customer.as_of <= excluded.as_of
                )
                insert into customer_snapshot (customer_id, as_of, aum, tier)
                select customer_id, ?, aum, tier from staging
                on conflict (customer_id, as_of) do update set aum = excluded.aum, tier = excluded.tier
                """, asOf, asOf);
    }
}
