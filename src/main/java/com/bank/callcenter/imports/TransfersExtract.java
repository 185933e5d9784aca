package com.bank.callcenter.imports;

import com.bank.callcenter.common.CopyRowWriter;
import com.bank.callcenter.config.CallCenterConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** transfers: transfer_id,customer_id,occurred_at,amount,direction,counterparty_bank,same_name. */
@ApplicationScoped
class TransfersExtract implements ExtractFormat {

    private static final String INSERT = """
            insert into transfer (transfer_id, customer_id, occurred_at, amount, direction, counterparty_bank, same_name, as_of)
            select transfer_id, customer_id, occurred_at, amount, direction, counterparty_bank, same_name, ? from staging
            """;
    /** A row already imported (same key) is updated. */
    private static final String ON_CONFLICT = """
            on conflict (transfer_id) do update set customer_id = excluded.customer_id,
                occurred_at = excluded.occurred_at, amount = excluded.amount, direction = excluded.direction,
                counterparty_bank = excluded.counterparty_bank, same_name = excluded.same_name, as_of = excluded.as_of
            """;

    enum Direction { IN, OUT }

    private final ZoneId zone;

    TransfersExtract(CallCenterConfig config) {
        this.zone = config.zone();
    }

    @Override
    public ImportKind kind() {
        return ImportKind.TRANSFERS;
    }

    @Override
    public String idColumn() {
        return "transfer_id";
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("transfer_id", "customer_id", "occurred_at", "amount", "direction");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of("counterparty_bank", "same_name");
    }

    @Override
    public String stagingColumns() {
        return "transfer_id text, customer_id text, occurred_at timestamptz, amount numeric(18,2), "
                + "direction text, counterparty_bank text, same_name boolean";
    }

    @Override
    public String stage(RowParser row, CopyRowWriter out) {
        String id = row.required("transfer_id");
        String customerId = row.required("customer_id");
        OffsetDateTime occurredAt = row.dateTime("occurred_at", zone);
        BigDecimal amount = row.amount("amount");
        Direction direction = row.oneOf("direction", Direction.class, null);
        String bank = row.optional("counterparty_bank");
        boolean sameName = row.bool("same_name");
        if (row.rowOk()) {
            out.field(id).field(customerId).field(occurredAt).field(amount)
                    .field(direction).field(bank).field(sameName);
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
        return StagingSql.newestAsOfOfStagedCustomers(connection, "transfer");
    }

    @Override
    public long apply(Connection connection, LocalDate asOf) throws SQLException {
        return StagingSql.update(connection, INSERT + ON_CONFLICT, asOf);
    }

    @Override
    public Optional<String> bulkTable() {
        return Optional.of("transfer");
    }

    @Override
    public long applyToEmpty(Connection connection, LocalDate asOf) throws SQLException {
        return StagingSql.update(connection, INSERT, asOf);
    }
}
