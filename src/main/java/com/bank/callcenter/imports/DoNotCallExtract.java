package com.bank.callcenter.imports;

import com.bank.callcenter.common.CopyRowWriter;
import com.bank.callcenter.contacts.DoNotCall;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** dnc: mobile,reason — the bank's do-not-call list; these entries do not expire. */
@ApplicationScoped
class DoNotCallExtract implements ExtractFormat {

    private final DoNotCall doNotCall;

    DoNotCallExtract(DoNotCall doNotCall) {
        this.doNotCall = doNotCall;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.DNC;
    }

    @Override
    public String idColumn() {
        return "mobile";
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("mobile");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of("reason");
    }

    @Override
    public String stagingColumns() {
        return "mobile text, reason text";
    }

    @Override
    public String stage(RowParser row, CopyRowWriter out) {
        String mobile = row.mobile("mobile", true);
        String reason = row.optional("reason");
        if (row.rowOk()) {
            out.field(mobile).field(reason);
            return mobile;
        }
        return null;
    }

    @Override
    public long apply(Connection connection, LocalDate asOf) throws SQLException {
        return doNotCall.addBankList(connection, StagingSql.TABLE);
    }

    @Override
    public Optional<String> bulkTable() {
        return Optional.of("do_not_call");
    }

    @Override
    public long applyToEmpty(Connection connection, LocalDate asOf) throws SQLException {
        return doNotCall.addBankListToEmpty(connection, StagingSql.TABLE);
    }
}
