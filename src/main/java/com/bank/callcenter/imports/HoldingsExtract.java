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
            out.field(row.line()).field(id).field(customerId).field(branchId).field(type).field(amount).field(maturity);
            out.endRow();
            return id;
        }
        return null;
    }

    @Override
    public List<RowError> check(Connection connection, int limit) throws SQLException {
        return StagingSql.unknownCustomers(connection, limit);
    }

    @Override
    public Optional<LocalDate> newestAppliedForStaged(Connection connection) throws SQLException {
        return StagingSql.newestAsOfOfStagedCustomers(connection, "holding");
    }

    @Override
    public long apply(Connection connection, LocalDate asOf) throws SQLException {
        StagingSql.execute(connection, "create index on staging (customer_id); analyze staging");
        StagingSql.update(connection,
                "delete from holding h where h.customer_id in (select customer_id from staging)");
        long accepted = StagingSql.update(connection, """
                insert into holding (holding_id, customer_id, branch_id, product_type, amount, maturity_date, as_of)
                select holding_id, customer_id, branch_id, product_type, amount, maturity_date, ? from staging
                on conflict (holding_id) do update set customer_id = excluded.customer_id,
                    branch_id = excluded.branch_id, product_type = excluded.product_type,
                    amount = excluded.amount, maturity_date = excluded.maturity_date, as_of = excluded.as_of
                """, asOf);
        StagingSql.update(connection, """
                with named as (select distinct customer_id from staging),
                totals as (
                    select h.customer_id, h.branch_id, sum(h.amount) as total
                    from holding h join named n on n.customer_id = h.customer_id
                    group by h.customer_id, h.branch_id),
                ranked as (
                    select customer_id, branch_id, total,
                           max(total) over (partition by customer_id) as largest from totals),
                winners as (
                    select customer_id, case when count(*) = 1 then min(branch_id) end as branch_id
                    from ranked where total = largest group by customer_id)
                update customer c set holdings_branch_id = w.branch_id
                from named n left join winners w on w.customer_id = n.customer_id
                where c.customer_id = n.customer_id
                  and c.holdings_branch_id is distinct from w.branch_id
                """);
        return accepted;
    }
}
