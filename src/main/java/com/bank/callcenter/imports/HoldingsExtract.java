package com.bank.callcenter.imports;

import com.bank.callcenter.common.CopyRowWriter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * holdings: holding_id,customer_id,branch_id,product_type,amount,maturity_date. An import
 * replaces all holdings of the customers it names, then re-attributes those customers to the
 * branch holding most of their assets (none on a tie: they fall back to the home branch); see
 * {@link BranchAttribution}.
 */
@ApplicationScoped
class HoldingsExtract implements ExtractFormat {

    enum ProductType {
        TIME_DEPOSIT, WEALTH, FUND, INSURANCE, PRECIOUS_METAL, CURRENT_DEPOSIT;

        boolean matures() {
            return this == TIME_DEPOSIT || this == WEALTH;
        }
    }

    private static final Logger LOG = Logger.getLogger(HoldingsExtract.class);
    private static final long NANOS_PER_MILLI = 1_000_000;

    private static final String TABLE = "holding";
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
        attributeBranches(connection, StagingSql.TABLE);
        return accepted;
    }

    @Override
    public Optional<DirectLoad> directLoad() {
        return Optional.of(new DirectLoad(TABLE,
                "holding_id, customer_id, branch_id, product_type, amount, maturity_date, as_of"));
    }

    @Override
    public List<RowError> checkLoaded(Connection connection, ExtractReader.Read read, int limit) throws SQLException {
        // Millions of rows just loaded: the check and the branch totals are planned on their statistics.
        StagingSql.execute(connection, "analyze " + TABLE);
        return StagingSql.unknownCustomersIn(connection, TABLE, idColumn(), read, limit);
    }

    /** A first load: the file's rows are holding's rows, so the branch totals are summed from it. */
    @Override
    public void applyDirect(Connection connection, LocalDate asOf) throws SQLException {
        attributeBranches(connection, TABLE);
    }

    @Override
    public Optional<String> bulkTable() {
        return Optional.of("holding");
    }

    @Override
    public long applyToEmpty(Connection connection, LocalDate asOf) throws SQLException {
        long started = System.nanoTime();
        long accepted = StagingSql.update(connection, INSERT, asOf);
        LOG.debugf("holdings: %d rows inserted in %d ms", accepted, (System.nanoTime() - started) / NANOS_PER_MILLI);
        attributeBranches(connection, StagingSql.TABLE);
        return accepted;
    }

    /**
     * The named customers' holdings are now exactly the rows of {@code holdings}: the staging table
     * (no second read of holding), or holding itself after a first load straight into it.
     */
    private static void attributeBranches(Connection connection, String holdings) throws SQLException {
        long started = System.nanoTime();
        long written = BranchAttribution.fromHoldings(connection, holdings);
        LOG.debugf("holdings: %d customers re-attributed in %d ms", written, (System.nanoTime() - started) / NANOS_PER_MILLI);
    }
}
