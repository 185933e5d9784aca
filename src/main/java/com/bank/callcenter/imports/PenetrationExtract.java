package com.bank.callcenter.imports;

import com.bank.callcenter.common.CopyRowWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * penetration: customer_id,product,acquired_on — which of the bank's basic products a customer
 * has. The key is (customer_id, product): a customer acquires a product once, a later extract
 * naming the same pair updates acquired_on, and the same pair twice in one file is a row error.
 */
@ApplicationScoped
class PenetrationExtract implements ExtractFormat {

    private static final String INSERT = """
            insert into penetration (customer_id, product, acquired_on, as_of)
            select customer_id, product, acquired_on, ? from staging
            """;
    /** A row already imported (same key) is updated. */
    private static final String ON_CONFLICT = """
            on conflict (customer_id, product) do update set acquired_on = excluded.acquired_on,
                as_of = excluded.as_of
            """;

    enum Product { MOBILE_BANKING, CREDIT_CARD, DEBIT_CARD, WECOM, PAYROLL_AGREEMENT }

    private static final String FOR_CUSTOMER = " for customer ";

    @Override
    public ImportKind kind() {
        return ImportKind.PENETRATION;
    }

    /** Duplicates are reported on the product column: "duplicate product WECOM for customer C1". */
    @Override
    public String idColumn() {
        return "product";
    }

    /** The product (an enum name, no spaces) first, so the text is one pair only. */
    @Override
    public String idExpression() {
        return "product || '" + FOR_CUSTOMER + "' || customer_id";
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("customer_id", "product", "acquired_on");
    }

    @Override
    public String stagingColumns() {
        return "customer_id text, product text, acquired_on date";
    }

    @Override
    public String stage(RowParser row, CopyRowWriter out) {
        String customerId = row.required("customer_id");
        Product product = row.oneOf("product", Product.class, null);
        LocalDate acquiredOn = row.date("acquired_on", true);
        if (row.rowOk()) {
            out.field(customerId).field(product).field(acquiredOn);
            return product.name() + FOR_CUSTOMER + customerId;
        }
        return null;
    }

    @Override
    public List<RowError> check(Connection connection, int limit) throws SQLException {
        return StagingSql.unknownCustomers(connection, limit);
    }

    @Override
    public Optional<LocalDate> newestAppliedForStaged(Connection connection) throws SQLException {
        return StagingSql.newestAsOfOfStagedCustomers(connection, "penetration");
    }

    @Override
    public long apply(Connection connection, LocalDate asOf) throws SQLException {
        return StagingSql.update(connection, INSERT + ON_CONFLICT, asOf);
    }

    @Override
    public Optional<String> bulkTable() {
        return Optional.of("penetration");
    }

    @Override
    public long applyToEmpty(Connection connection, LocalDate asOf) throws SQLException {
        return StagingSql.update(connection, INSERT, asOf);
    }
}
