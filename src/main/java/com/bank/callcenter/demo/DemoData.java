package com.bank.callcenter.demo;

import com.bank.callcenter.books.AssignmentOutcome;
import com.bank.callcenter.books.BookAssignment;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.imports.ImportKind;
import com.bank.callcenter.imports.ImportResult;
import com.bank.callcenter.imports.ImportService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Embedded default: on the first start (empty customer table) generate a demo bank and import
 * it through the same {@link ImportService} the bank's extracts go through, as user "demo".
 * Its past comes along ({@link DemoHistory}): two earlier month-end customer snapshots, and the demo
 * RMs' sales, penetration, calls and SMS of last month and this month, so /scores shows a table at once.
 * Runs after {@code FirstUsers} (priority 10). Does nothing unless {@code callcenter.demo.enabled}.
 * Once the campaign files are loaded too, {@link DemoDesk} starts the shipped AGENT_CALL campaigns
 * and builds today's lists.
 */
@ApplicationScoped
public class DemoData {

    static final int ORDER = 20;
    static final String IMPORTED_BY = "demo";
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final CallCenterConfig config;
    private final ImportService imports;
    private final DataSource dataSource;
    private final BookAssignment assignment;
    private final DemoHistory history;
    private final ManagedExecutor executor;
    /** Whether the start-up load of this instance imported the demo bank ({@link DemoDesk} then opens the desk). */
    private volatile boolean loadedOnThisStart;

    public DemoData(CallCenterConfig config, ImportService imports, DataSource dataSource, BookAssignment assignment,
                    DemoHistory history, ManagedExecutor executor) {
        this.assignment = assignment;
        this.executor = executor;
        this.history = history;
        this.config = config;
        this.imports = imports;
        this.dataSource = dataSource;
    }

    void onStart(@Observes @Priority(ORDER) StartupEvent event) {
        if (shouldLoad()) {
            loadedOnThisStart = load();
        }
    }

    /** Did this instance's start-up import the demo bank (and assign the books)? */
    public boolean loadedOnThisStart() {
        return loadedOnThisStart;
    }

    /** Demo mode on, a demo size configured, and no customer imported yet. */
    public boolean shouldLoad() {
        CallCenterConfig.Demo demo = config.demo();
        return demo.enabled() && demo.customers() > 0 && customerTableIsEmpty();
    }

    /** Generates the demo set into a temporary folder and imports it; false when an import failed. */
    public boolean load() {
        CallCenterConfig.Demo demo = config.demo();
        return load(DemoDataGenerator.Options.defaults(LocalDate.now(config.zone()))
                .withCustomers(demo.customers())
                .withManagers(demo.managers())
                .withBranches(demo.branches())
                .withSeed(demo.seed()), true);
    }

    /** Everything at once, the RMs' calls and SMS included. */
    boolean load(DemoDataGenerator.Options options) {
        return load(options, false);
    }

    /**
     * {@code contactsInBackground}: the RMs' calls and SMS (the slow part of the history, ~10 s for
     * 10 RMs) are written once the service is up, like {@link DemoDesk}'s lists; /scores has them
     * within seconds.
     */
    boolean load(DemoDataGenerator.Options options, boolean contactsInBackground) {
        LocalDate asOf = options.asOf();
        Path dir = null;
        long started = System.nanoTime();
        try {
            dir = Files.createTempDirectory("callcenter-demo");
            DemoExtracts extracts = DemoDataGenerator.generate(options, dir);
            LOG.infof("Demo data: generated %s in %d ms", extracts.rows(), millisSince(started));
            for (Map.Entry<ImportKind, Path> file : extracts.files().entrySet()) {
                if (file.getKey() == ImportKind.CUSTOMERS && !importEarlierSnapshots(options, file.getValue(), dir)) {
                    return false;
                }
                if (!importOne(file.getKey(), asOf, file.getValue())) {
                    return false;
                }
            }
            AssignmentOutcome books = QuarkusTransaction.requiringNew().call(() ->
                    assignment.assignUnassigned(config.books().maxCustomersPerManager(), IMPORTED_BY));
            LOG.infof("Demo data: books assigned, %d customers given a manager, %d without capacity",
                    books.assigned(), books.unassigned());
            if (!loadHistory(options, dir, contactsInBackground)) {
                return false;
            }
            LOG.infof("Demo data: %d customers, %d managers, %d branches loaded in %d ms (as of %s)",
                    options.customers(), options.managers(), options.branches(), millisSince(started), asOf);
            return true;
        } catch (IOException e) {
            LOG.error("Demo data: could not write the demo extracts", e);
            return false;
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * The demo customers as they were at the end of the month before last and of last month,
     * imported as dated customers extracts before today's (an older extract after a newer one is
     * refused as stale), so the score's customer development and asset increment have a past.
     */
    private boolean importEarlierSnapshots(DemoDataGenerator.Options options, Path customers, Path dir)
            throws IOException {
        long started = System.nanoTime();
        CallCenterConfig.Tiers tiers = config.tiers();
        List<BigDecimal> floors = List.of(tiers.longTailFrom(), tiers.midHighFrom(), tiers.wealthFrom(),
                tiers.privateBankingFrom());
        List<LocalDate> dates = DemoHistoryGenerator.snapshotDates(options.asOf());
        // going back from today's file: last month's end first, then the month before from that
        Path later = customers;
        Path[] files = new Path[dates.size()];
        for (int back = 1; back <= dates.size(); back++) {
            Path earlier = dir.resolve("demo-customers-" + dates.get(dates.size() - back) + ".csv");
            DemoHistoryGenerator.earlierCustomers(later, earlier, floors, options.seed(), back);
            files[dates.size() - back] = earlier;
            later = earlier;
        }
        for (int i = 0; i < dates.size(); i++) {
            if (!importOne(ImportKind.CUSTOMERS, dates.get(i), files[i])) {
                return false;
            }
        }
        LOG.infof("Demo history: customers snapshots of %s imported in %d ms", dates, millisSince(started));
        return true;
    }

    /** Sales, penetration, calls and SMS of the demo RMs' books over last month and this month (demo data). */
    private boolean loadHistory(DemoDataGenerator.Options options, Path dir, boolean contactsInBackground)
            throws IOException {
        long started = System.nanoTime();
        List<DemoHistoryGenerator.Book> books = history.books(options.managers());
        for (Map.Entry<ImportKind, Path> file : history.extracts(books, options.asOf(), options.seed(), dir).entrySet()) {
            if (!importOne(file.getKey(), options.asOf(), file.getValue())) {
                return false;
            }
        }
        LOG.infof("Demo history: sales and penetration of %d RMs loaded in %d ms", books.size(), millisSince(started));
        if (contactsInBackground) {
            executor.runAsync(() -> writeContacts(books, options));
            return true;
        }
        return writeContacts(books, options);
    }

    private boolean writeContacts(List<DemoHistoryGenerator.Book> books, DemoDataGenerator.Options options) {
        try {
            history.writeContacts(books, options.asOf(), options.seed());
            return true;
        } catch (RuntimeException e) {
            // the service runs on: /scores then shows the RMs without calls and SMS
            LOG.errorf("Demo history: the RMs' calls and SMS could not be written: %s", e.toString());
            return false;
        }
    }

    private boolean importOne(ImportKind kind, LocalDate asOf, Path file) {
        long started = System.nanoTime();
        try (InputStream body = Files.newInputStream(file)) {
            ImportResult result = imports.importCsv(kind, asOf, body, StandardCharsets.UTF_8, IMPORTED_BY);
            LOG.infof("Demo data: %s imported, %d rows accepted in %d ms", kind.pathName(), result.accepted(),
                    millisSince(started));
            return true;
        } catch (ProblemException e) {
            LOG.errorf("Demo data: the %s import was rejected (%s): %s %s", kind.pathName(), e.code(),
                    e.getMessage(), e.extensions().getOrDefault("errors", ""));
        } catch (IOException | RuntimeException e) {
            // the service must still start: the demo set can be imported later through /imports
            LOG.errorf("Demo data: the %s import failed, demo data not loaded: %s", kind.pathName(), e.toString());
        }
        return false;
    }

    private boolean customerTableIsEmpty() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select not exists (select 1 from customer)")) {
            return rows.next() && rows.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not check whether customers exist", e);
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Demo data: could not delete %s: %s", dir, e.getMessage());
        }
    }
}
