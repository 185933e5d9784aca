package com.bank.callcenter.contacts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The one writer of {@code do_not_call}. Every entry says where it came from, why, and until when
 * (null: for good). A longer or permanent entry already there is never shortened by an opt-out.
 */
@ApplicationScoped
public class DoNotCall {

    /** Where a do-not-call entry came from. */
    public enum Source {
        /** The bank's own list (the dnc extract): permanent. */
        BANK_LIST,
        /** The customer pressed 9 in a robot call. */
        IVR_OPT_OUT,
        /** The customer replied TD to an SMS. */
        SMS_TD,
        /** The customer asked their RM on the phone (disposition DO_NOT_CALL). */
        RM_DISPOSITION
    }

    private final EntityManager em;

    public DoNotCall(EntityManager em) {
        this.em = em;
    }

    /**
     * The customer asked not to be contacted until {@code holdUntil}; an entry already there that
     * lasts longer (or for good) is kept as it is. Call inside a transaction.
     */
    public void optOut(String mobile, Source source, String reason, Instant at, Instant holdUntil) {
        em.createNativeQuery("""
                        insert into do_not_call (mobile, reason, source, added_at, expires_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (mobile) do update set reason = excluded.reason, source = excluded.source,
                          added_at = excluded.added_at, expires_at = excluded.expires_at
                        where do_not_call.expires_at is not null and do_not_call.expires_at < excluded.expires_at""")
                .setParameter(1, mobile).setParameter(2, reason).setParameter(3, source.name())
                .setParameter(4, Timestamp.from(at)).setParameter(5, Timestamp.from(holdUntil)).executeUpdate();
    }

    /**
     * The bank's list from an import's staging table ({@code mobile, reason}): every number on it is
     * do-not-call for good, replacing any opt-out hold. Returns how many rows were written.
     */
    public long addBankList(Connection connection, String stagingTable) throws SQLException {
        return insertBankList(connection, stagingTable,
                " on conflict (mobile) do update set reason = excluded.reason, source = excluded.source, expires_at = null");
    }

    /**
     * The same into an empty do_not_call whose key the caller has dropped (a first load; the staged
     * numbers are unique): plain inserts, the key built afterwards.
     */
    public long addBankListToEmpty(Connection connection, String stagingTable) throws SQLException {
        return insertBankList(connection, stagingTable, "");
    }

    private static long insertBankList(Connection connection, String stagingTable, String onConflict)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into do_not_call (mobile, reason,"
                + " source, added_at, expires_at) select mobile, reason, ?, now(), null from " + stagingTable
                + onConflict)) {
            statement.setString(1, Source.BANK_LIST.name());
            return statement.executeLargeUpdate();
        }
    }
}
