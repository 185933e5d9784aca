package com.bank.callcenter.demo;

import com.bank.callcenter.calendar.WorkingDays;
import com.bank.callcenter.campaigns.CampaignsConfig;
import com.bank.callcenter.common.CopyRowWriter;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.contacts.ContactAttempts;
import com.bank.callcenter.imports.ImportKind;
import com.bank.callcenter.scoring.ScoringConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo RMs' last month and this month, written once their books are assigned: sales and
 * penetration through the imports (kinds sales and penetration, as user "demo", so the real
 * validation runs), and their calls and SMS up to yesterday as records the RM score counts.
 * The contacts are demo data: contact_attempt.demo is set, sale ids start with DEMO-; see
 * {@link ContactAttempts#copyInDemoHistory}.
 */
@ApplicationScoped
public class DemoHistory {

    private static final Logger LOG = Logger.getLogger(DemoHistory.class);
    /** A demo call is one the RM placed from the desk to one of their customers. */
    private static final String CALL_KIND = "AGENT_CALL";
    /** From dialling to the customer's phone ringing. */
    private static final int DIAL_SECONDS = 1;
    /** The body of every demo SMS: marked as demo, as a supervisor opening one should see. */
    static final String SMS_BODY = "【演示数据】尊敬的客户，您的客户经理近期将与您联系。";

    private final AgroalDataSource dataSource;
    private final ContactAttempts attempts;
    private final WorkingDays workingDays;
    private final CallCenterConfig config;
    private final ScoringConfig scoring;
    private final CampaignsConfig campaigns;

    public DemoHistory(AgroalDataSource dataSource, ContactAttempts attempts, WorkingDays workingDays,
                       CallCenterConfig config, ScoringConfig scoring, CampaignsConfig campaigns) {
        this.dataSource = dataSource;
        this.attempts = attempts;
        this.workingDays = workingDays;
        this.config = config;
        this.scoring = scoring;
        this.campaigns = campaigns;
    }

    /** The sales and penetration extracts of the demo RMs' books, in import order, written into {@code dir}. */
    Map<ImportKind, Path> extracts(List<DemoHistoryGenerator.Book> books, LocalDate asOf, long seed, Path dir)
            throws IOException {
        Map<ImportKind, Path> files = new LinkedHashMap<>();
        files.put(ImportKind.SALES, dir.resolve("demo-sales.csv"));
        files.put(ImportKind.PENETRATION, dir.resolve("demo-penetration.csv"));
        DemoHistoryGenerator.writeSales(files.get(ImportKind.SALES), books, asOf, seed);
        DemoHistoryGenerator.writePenetration(files.get(ImportKind.PENETRATION), books, asOf, seed);
        return files;
    }

    /** The books of the demo RMs rm001 … rm{managers}, as assigned. */
    List<DemoHistoryGenerator.Book> books(int managers) {
        List<String> ids = new ArrayList<>();
        for (int m = 1; m <= managers; m++) {
            ids.add(DemoDataGenerator.managerId(m));
        }
        Map<String, List<String>> customers = new LinkedHashMap<>();
        ids.forEach(id -> customers.put(id, new ArrayList<>()));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select manager_id, customer_id from customer where manager_id = any(?) order by manager_id, customer_id")) {
            statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    customers.get(rows.getString(1)).add(rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the demo RMs' books", e);
        }
        List<DemoHistoryGenerator.Book> books = new ArrayList<>();
        for (int m = 1; m <= managers; m++) {
            books.add(new DemoHistoryGenerator.Book(ids.get(m - 1), m, customers.get(ids.get(m - 1))));
        }
        return books;
    }

    /** Generates and writes the RMs' calls and SMS in one transaction. */
    void writeContacts(List<DemoHistoryGenerator.Book> books, LocalDate asOf, long seed) {
        CampaignsConfig.Defaults window = campaigns.defaults();
        DemoHistoryGenerator.Day day = new DemoHistoryGenerator.Day(window.windowStart(), window.windowEnd(),
                config.zone(), scoring.effectiveCallsPerWorkingDay(), scoring.smsPerWorkingDay(),
                scoring.effectiveCallSeconds());
        long started = System.nanoTime();
        DemoHistoryGenerator.Contacts contacts = DemoHistoryGenerator.contacts(books, asOf, workingDays::isWorkingDay,
                day, seed);
        StringWriter attemptRows = new StringWriter();
        StringWriter callRows = new StringWriter();
        StringWriter smsRows = new StringWriter();
        CopyRowWriter attempt = new CopyRowWriter(attemptRows);
        CopyRowWriter call = new CopyRowWriter(callRows);
        CopyRowWriter sms = new CopyRowWriter(smsRows);
        for (DemoHistoryGenerator.Call c : contacts.calls()) {
            attempt.field(c.id()).field(c.customerId()).field(CALL_KIND).field(c.staffId()).field(c.queuedAt());
            attempt.endRow();
            Instant ring = c.queuedAt().plusSeconds(DIAL_SECONDS);
            Instant answer = c.answered() ? ring.plusSeconds(c.ringSeconds()) : null;
            Instant end = c.answered() ? answer.plusSeconds(c.talkSeconds()) : ring.plusSeconds(c.ringSeconds());
            call.field(c.id()).field(c.customerId()).field(c.staffId()).field(CALL_KIND).field("COMPLETED")
                    .field(c.answered() ? "ANSWERED" : "NO_ANSWER").field(c.queuedAt()).field(c.queuedAt())
                    .field(ring).field(answer).field(end).field(c.talkSeconds());
            call.endRow();
        }
        for (DemoHistoryGenerator.Sms s : contacts.sms()) {
            attempt.field(s.id()).field(s.customerId()).field("SMS").field(s.staffId()).field(s.at());
            attempt.endRow();
            sms.field(s.id()).field(s.customerId()).field(s.staffId()).field(SMS_BODY)
                    .field(s.sent() ? "SENT" : "FAILED").field(s.sent() ? "demo: accepted" : "demo: refused")
                    .field(s.at()).field(s.sent() ? s.at() : null);
            sms.endRow();
        }
        long generated = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                attempts.copyInDemoHistory(connection, new StringReader(attemptRows.toString()));
                var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn("copy call_attempt (id, customer_id, staff_id, kind, state, outcome, queued_at, dial_at,"
                        + " ring_at, answer_at, end_at, talk_seconds) from stdin", new StringReader(callRows.toString()));
                copy.copyIn("copy sms_message (id, customer_id, staff_id, body, state, gateway_status, created_at,"
                        + " sent_at) from stdin", new StringReader(smsRows.toString()));
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not write the demo RMs' calls and SMS", e);
        }
        LOG.infof("Demo history: %d calls and %d SMS of %d RMs generated in %d ms, written in %d ms",
                contacts.calls().size(), contacts.sms().size(), books.size(), (generated - started) / 1_000_000,
                (System.nanoTime() - generated) / 1_000_000);
    }
}
