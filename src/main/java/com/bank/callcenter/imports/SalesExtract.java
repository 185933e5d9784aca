package com.bank.callcenter.imports;

import com.bank.callcenter.common.CopyRowWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * sales: sale_id,customer_id,staff_id,product_code,product_type,amount,sold_on — the products
 * sold, and by whom. The customer and the member of staff must exist; a sale already imported
 * (same sale_id) is updated.
 */
@ApplicationScoped
class SalesExtract implements ExtractFormat {

    private static final String INSERT = """
            insert into sale (sale_id, customer_id, staff_id, product_code, product_type, amount, sold_on, as_of, imported_at)
            select sale_id, customer_id, staff_id, product_code, product_type, amount, sold_on, ?, now() from staging
            """;
    /** A row already imported (same key) is updated. */
    private static final String ON_CONFLICT = """
            on conflict (sale_id) do update set customer_id = excluded.customer_id,
                staff_id = excluded.staff_id, product_code = excluded.product_code,
                product_type = excluded.product_type, amount = excluded.amount, sold_on = excluded.sold_on,
                as_of = excluded.as_of, imported_at = excluded.imported_at
            """;

    static final int MAX_PRODUCT_CODE = 64;

    @Override
    public ImportKind kind() {
        return ImportKind.SALES;
    }

    @Override
    public String idColumn() {
        return "sale_id";
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("sale_id", "customer_id", "staff_id", "product_code", "product_type", "amount", "sold_on");
    }

    @Override
    public String stagingColumns() {
        return "sale_id text, customer_id text, staff_id text, product_code text, product_type text, "
                + "amount numeric(18,2), sold_on date";
    }

    @Override
    public String stage(RowParser row, CopyRowWriter out) {
        String id = row.required("sale_id");
        String customerId = row.required("customer_id");
        String staffId = row.required("staff_id");
        String productCode = row.required("product_code", MAX_PRODUCT_CODE);
        HoldingsExtract.ProductType type = row.oneOf("product_type", HoldingsExtract.ProductType.class, null);
        BigDecimal amount = row.exactAmount("amount");
        LocalDate soldOn = row.date("sold_on", true);
        if (row.rowOk()) {
            out.field(id).field(customerId).field(staffId).field(productCode).field(type)
                    .field(amount).field(soldOn);
            return id;
        }
        return null;
    }

    @Override
    public List<RowError> check(Connection connection, int limit) throws SQLException {
        List<RowError> errors = new ArrayList<>(StagingSql.unknownCustomers(connection, limit));
        errors.addAll(StagingSql.unknownStaff(connection, limit));
        errors.sort(Comparator.comparingLong(RowError::line));
        return errors.size() > limit ? errors.subList(0, limit) : errors;
    }

    @Override
    public Optional<LocalDate> newestAppliedForStaged(Connection connection) throws SQLException {
        return StagingSql.newestAsOfOfStagedCustomers(connection, "sale");
    }

    @Override
    public long apply(Connection connection, LocalDate asOf) throws SQLException {
        return StagingSql.update(connection, INSERT + ON_CONFLICT, asOf);
    }

    @Override
    public Optional<String> bulkTable() {
        return Optional.of("sale");
    }

    @Override
    public long applyToEmpty(Connection connection, LocalDate asOf) throws SQLException {
        return StagingSql.update(connection, INSERT, asOf);
    }
}
