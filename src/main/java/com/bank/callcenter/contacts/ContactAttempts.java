package com.bank.callcenter.contacts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The one writer of {@code contact_attempt}: every call and SMS of every channel is recorded here
 * before it leaves, so the frequency cap, the list exclusions and the churn model see it. Call
 * inside the caller's transaction.
 */
@ApplicationScoped
public class ContactAttempts {

    private static final String INSERT = "insert into contact_attempt (id, customer_id, campaign_id, list_id, channel,"
            + " marketing, staff_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final EntityManager em;

    public ContactAttempts(EntityManager em) {
        this.em = em;
    }

    public void record(ContactAttempt attempt) {
        recordAll(List.of(attempt));
    }

    /** Many attempts in one JDBC batch (a dialer's tick). */
    public void recordAll(Collection<ContactAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (ContactAttempt attempt : attempts) {
                    insert.setObject(1, attempt.id());
                    insert.setString(2, attempt.customerId());
                    insert.setString(3, attempt.campaignId());
                    if (attempt.listId() == null) {
                        insert.setNull(4, Types.BIGINT);
                    } else {
                        insert.setLong(4, attempt.listId());
                    }
                    insert.setString(5, attempt.channel().name());
                    insert.setBoolean(6, attempt.marketing());
                    insert.setString(7, attempt.staffId());
                    insert.setTimestamp(8, Timestamp.from(attempt.createdAt()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Nothing reached the customer's network (an SMS refused or never sent, an Originate refused or
     * never sent): the attempt stays on record but is no contact for the cap, the lists or the churn model.
     */
    public void markNotSent(UUID attemptId) {
        em.createNativeQuery("update contact_attempt set sent = false where id = ?1").setParameter(1, attemptId)
                .executeUpdate();
    }

    /**
     * The embedded demo's synthetic history (demo/DemoHistory), in COPY text format: id, customer_id,
     * channel, staff_id, created_at. Written as demo attempts (demo = true) that were never sent, so
     * the frequency cap, the lists and the churn model do not see them; the calls and SMS records that
     * share their ids are what /scores counts. Runs on the caller's connection and transaction.
     */
    public void copyInDemoHistory(Connection connection, Reader rows) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create temporary table demo_contact_attempt (id uuid, customer_id text, channel text,"
                    + " staff_id text, created_at timestamptz) on commit drop");
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy demo_contact_attempt from stdin", rows);
            statement.executeUpdate("insert into contact_attempt (id, customer_id, channel, staff_id, created_at, sent, demo)"
                    + " select id, customer_id, channel, staff_id, created_at, false, true from demo_contact_attempt");
        }
    }
}
