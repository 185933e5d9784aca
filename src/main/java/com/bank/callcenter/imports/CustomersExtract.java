package com.bank.callcenter.imports;

import com.bank.callcenter.common.CopyRowWriter;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.customers.TierPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * customers: customer_id,name,mobile,home_branch_id,aum,payroll,status. Each import is a dated
 * snapshot: the customer row takes the newest data, customer_snapshot keeps tier and AUM per asOf.
 * The manager (the book) is never touched by an import.
 */
@ApplicationScoped
class CustomersExtract implements ExtractFormat {

    enum Status { ACTIVE, CLOSED, DECEASED }

    private final TierPolicy tiers;
    private final Duration bulkLoadLockWait;

    CustomersExtract(TierPolicy tiers, CallCenterConfig config) {
        this.tiers = tiers;
        this.bulkLoadLockWait = config.imports().bulkLoadLockWait();
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CUSTOMERS;
    }

    @Override
    public String idColumn() {
        return "customer_id";
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
    public String stage(RowParser row, CopyRowWriter out) {
        String id = row.required("customer_id");
        String name = row.required("name");
        String mobile = row.mobile("mobile", false);
        String homeBranch = row.required("home_branch_id");
        BigDecimal aum = row.amount("aum");
        boolean payroll = row.bool("payroll");
        Status status = row.oneOf("status", Status.class, Status.ACTIVE);
        if (row.rowOk()) {
            out.field(id).field(name).field(mobile).field(homeBranch).field(aum)
                    .field(tiers.tierOf(aum)).field(payroll).field(status);
            return id;
        }
        return null;
    }

    @Override
    public Optional<DirectLoad> directLoad() {
        return Optional.of(new DirectLoad("customer",
                "customer_id, name, mobile, home_branch_id, aum, tier, payroll, status, as_of"));
    }

    /** The first load went straight into customer (empty before): the day's snapshot is taken from it. */
    @Override
    public void applyDirect(Connection connection, LocalDate asOf) throws SQLException {
        if (StagingSql.exists(connection, "select 1 from customer_snapshot where as_of = ? limit 1", asOf)) {
            StagingSql.update(connection,
                    "delete from customer_snapshot where as_of = ? and customer_id in (select customer_id from customer)",
                    asOf);
        }
        // The very first extract also starts the snapshot history: its index is then built once, afterwards.
        Optional<BulkLoad> firstSnapshot = BulkLoad.ifEmpty(connection, "customer_snapshot", bulkLoadLockWait);
        StagingSql.update(connection,
                "insert into customer_snapshot (as_of, customer_id, aum, tier) select as_of, customer_id, aum, tier from customer");
        if (firstSnapshot.isPresent()) {
            firstSnapshot.get().rebuild();
        }
    }

    @Override
    public long apply(Connection connection, LocalDate asOf) throws SQLException {
        // A late extract (older than one already imported) must not overwrite newer data: then
        // only customers without a newer snapshot are updated. Unchanged rows are not rewritten.
        // The staged rows are compared with the book in one hash join, and only the new and changed
        // ones reach the MERGE: half the time of an UPDATE join plus an anti-join INSERT, and faster
        // than a MERGE of every staged row, which fetches each matched book row again to compare it.
        boolean late = StagingSql.exists(connection, "select 1 from customer_snapshot where as_of > ? limit 1", asOf);
        String notOverwritingNewer = late ? """
                and s.customer_id not in (select customer_id from customer_snapshot where as_of > ?)
                """ : "";
        Object[] parameters = late ? new Object[]{asOf, asOf, asOf} : new Object[]{asOf, asOf};
        StagingSql.update(connection, """
                merge into customer c using (
                    select s.* from staging s left join customer o on o.customer_id = s.customer_id
                    where o.customer_id is null
                       or (o.name, o.mobile, o.home_branch_id, o.aum, o.payroll, o.status)
                          is distinct from (s.name, s.mobile, s.home_branch_id, s.aum, s.payroll, s.status)
                          %s) s on c.customer_id = s.customer_id
                when matched then
                    update set name = s.name, mobile = s.mobile, home_branch_id = s.home_branch_id,
                        holdings_branch_id = %s,
                        aum = s.aum, tier = s.tier, payroll = s.payroll, status = s.status, as_of = ?, updated_at = now()
                when not matched then
                    insert (customer_id, name, mobile, home_branch_id, aum, tier, payroll, status, as_of)
                    values (s.customer_id, s.name, s.mobile, s.home_branch_id, s.aum, s.tier, s.payroll, s.status, ?)
                """.formatted(notOverwritingNewer, BranchAttribution.afterHomeMove("s.home_branch_id")), parameters);
        // The first extract of a day (the usual case) has no snapshot rows of that day to replace.
        if (StagingSql.exists(connection, "select 1 from customer_snapshot where as_of = ? limit 1", asOf)) {
            StagingSql.update(connection, """
                    delete from customer_snapshot where as_of = ? and customer_id in (select customer_id from staging)
                    """, asOf);
        }
        return StagingSql.update(connection, """
                insert into customer_snapshot (as_of, customer_id, aum, tier)
                select ?, customer_id, aum, tier from staging
                """, asOf);
    }
}
