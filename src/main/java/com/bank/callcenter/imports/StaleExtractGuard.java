package com.bank.callcenter.imports;

import com.bank.callcenter.audit.AuditEntry;
import com.bank.callcenter.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Late extracts: a file older than the newest one already applied for the same customers would
 * put old data back over newer. It is refused (409 stale-extract, nothing applied) unless an ADMIN
 * forces it; a forced stale import is audited in the import's own transaction.
 */
@ApplicationScoped
class StaleExtractGuard {

    static final String CODE = "stale-extract";

    void check(Connection connection, ExtractFormat format, LocalDate asOf, boolean force, String requestedBy,
               UUID jobId) throws SQLException {
        Optional<LocalDate> newest = format.newestAppliedForStaged(connection).filter(date -> date.isAfter(asOf));
        if (newest.isEmpty()) {
            return;
        }
        String what = "the " + format.kind().pathName() + " extract of " + asOf
                + " is older than the one of " + newest.get() + " already applied for the same customers";
        if (!force) {
            throw new ProblemException(409, CODE, what + "; nothing was applied (an ADMIN may force it with force=true)",
                    Map.of("asOf", asOf.toString(), "newestApplied", newest.get().toString()));
        }
        AuditEntry.record(requestedBy, AuditEntry.FORCE_STALE_IMPORT, "import " + jobId, what + "; forced");
    }
}
