package com.bank.callcenter.imports;

import com.bank.callcenter.common.CopyRowWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/** dnc: mobile,reason — the bank's do-not-call list; these entries do not expire. */
@ApplicationScoped
class DoNotCallExtract implements ExtractFormat {

    static final String SOURCE = "BANK_LIST";

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
            out.field(row.line()).field(mobile).field(reason);
            out.endRow();
            return mobile;
        }
        return null;
    }

    @Override
    public long apply(Connection connection, LocalDate asOf) throws SQLException {
        return StagingSql.update(connection, """
                insert into do_not_call (mobile, reason, source, added_at, expires_at)
                select mobile, reason, ?, now(), null from staging
                on conflict (mobile) do update set reason = excluded.reason, source = excluded.source,
                    expires_at = null
                """, SOURCE);
    }
}
