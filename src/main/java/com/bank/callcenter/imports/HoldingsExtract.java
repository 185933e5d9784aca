package com.bank.callcenter.imports;

import com.bank.callcenter.common.CopyRowWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * holdings: holding_id,customer_id,branch_id,product_type,amount,maturity_date. An import
 * replaces all holdings of the customers it names, then re-attributes those customers to the
 * branch holding most of their assets (none on a tie: they fall back to the home branch).
 */
@ApplicationScoped
class HoldingsExtract implements ExtractFormat {

    enum ProductType {
        TIME_DEPOSIT, WEALTH, FUND, INSURANCE, PRECIOUS_METAL, CURRENT_DEPOSIT;

        boolean matures() {
            return this == TIME_DEPOSIT || this == WEALTH;
        }
    }

    private static final String INSERT = """
            insert into holding (holding_id, customer_id, branch_id, product_type, amount, maturity_date, as_of)
            select holding_id, customer_id, branch_id, product_type, amount, maturity_date, ? from staging
            """;

    @Override
    public ImportKind kind() {
        return ImportKind.HOLDINGS;
    }

    @Override
    public String idColumn() {
        return "holding_id";
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("holding_id", "customer_id", "branch_id", "product_type", "amount");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of("maturity_date");
    }

    @Override
    public String stagingColumns() {
        return "holding_id text, customer_id text, branch_id text, product_type text, amount numeric(18,2), maturity_date date";
    }

    @Override
    public String stage(RowParser row, CopyRowWriter out) {
        String id = row.required("holding_id");
        String customerId = row.required("customer_id");
        String branchId = row.required("branch_id");
        ProductType type = row.oneOf("product_type", ProductType.class, null);
        BigDecimal amount = row.amount("amount");
        LocalDate maturity = row.date("maturity_date", type != null && type.matures());
        if (row.rowOk()) {
            out.field(id).field(customerId).field(branchId).field(type).field(amount).field(maturity);
            return id;
        }
        return null;
    }

    @Override
    public List<RowError> check(Connection connection, int limit) throws SQLException {
        // Millions of staged rows: the checks and the apply statements are planned on their statistics.
        StagingSql.execute(connection, "analyze staging");
        return StagingSql.unknownCustomers(connection, limit);
    }

    @Override
    public Optional<LocalDate> newestAppliedForStaged(Connection connection) throws SQLException {
        return StagingSql.newestAsOfOfStagedCustomers(connection, "holding");
    }

    @Override
    public long apply(Connection connection, LocalDate asOf) throws SQLException {
        StagingSql.update(connection,
                "delete from holding h where h.customer_id in (select customer_id from staging)");
        long accepted = StagingSql.update(connection, INSERT + """
                on conflict (holding_id) do update set customer_id = excluded.customer_id,
                    branch_id = excluded.branch_id, product_type = excluded.product_type,
                    amount = excluded.amount, maturity_date = excluded.maturity_date, as_of = excluded.as_of
                """, asOf);
        attributeBranches(connection);
        return accepted;
    }

    @Override
    public Optional<String> bulkTable() {
        return Optional.of("holding");
    }

    @Override
    public long applyToEmpty(Connection connection, LocalDate asOf) throws SQLException {
        long accepted = StagingSql.update(connection, INSERT, asOf);
        attributeBranches(connection);
        return accepted;
    }

    /**
     * The named customers' holdings are now exactly their staged rows, so the branch totals are
     * summed from the staging table (hash aggregates, no sort, no second read of holding).
     */
    private static void attributeBranches(Connection connection) throws SQLException {
        StagingSql.update(connection, """
                with totals as (
                    select customer_id, branch_id, sum(amount) as total from staging group by customer_id, branch_id),
                largest as (
                    select customer_id, max(total) as total from totals group by customer_id),
                winners as (
                    select t.customer_id, case when count(*) = 1 then min(t.branch_id) end as branch_id
                    from totals t join largest l on l.customer_id = t.customer_id and l.total = t.total
                    group by t.customer_id)
                update customer c set holdings_branch_id = w.branch_id
                from winners w
                where c.customer_id = w.customer_id
                  and c.holdings_branch_id is distinct from w.branch_id
                """);
    }
}
