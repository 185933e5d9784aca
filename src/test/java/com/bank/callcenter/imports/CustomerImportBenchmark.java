package com.bank.callcenter.imports;

import com.bank.callcenter.demo.DemoDataGenerator;
import com.bank.callcenter.demo.DemoDataGenerator.Options;
import com.bank.callcenter.demo.DemoExtracts;
import com.bank.callcenter.support.EmbeddedServersTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test: measures the customers import through the HTTP API against PostgreSQL's own COPY of
 * the same file into an equivalent table. Run with {@code ./mvnw -Pbenchmark verify}
 * ({@code -Dbenchmark.rows=N} to change the size). Prints lines starting with BENCHMARK; the only
 * assertions are about correctness (every row accepted, every row copied).
 */
@QuarkusTest
class CustomerImportBenchmark {

    private static final int DEFAULT_ROWS = 1_000_000;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(30);
    private static final String COPY_TABLE = "benchmark_customer_copy";
    private static final double NANOS_PER_SECOND = 1e9;

    @TestHTTPResource("/api/imports/customers")
    URL importUrl;

    @Test
    void customersImportThroughTheServiceComparedWithCopy() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", DEFAULT_ROWS);
        Path dir = Files.createTempDirectory("customer-import-benchmark");
        long generationStarted = System.nanoTime();
        DemoExtracts extracts = DemoDataGenerator.generate(Options.defaults(AS_OF).withCustomers(rows), dir,
                EnumSet.of(ImportKind.CUSTOMERS));
        Path file = extracts.file(ImportKind.CUSTOMERS);
        System.out.printf("BENCHMARK generated %,d customers (%,d bytes) in %.2f s%n", rows, Files.size(file),
                seconds(System.nanoTime() - generationStarted));

        long serviceStarted = System.nanoTime();
        HttpResponse<String> response = postThroughTheService(file);
        long serviceNanos = System.nanoTime() - serviceStarted;

        long copyNanos;
        long copied;
        try (Connection connection = connect()) {
            createCopyTable(connection);
            long copyStarted = System.nanoTime();
            try (InputStream body = Files.newInputStream(file)) {
                copied = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + COPY_TABLE + " FROM STDIN WITH (FORMAT csv, HEADER true)", body);
            }
            copyNanos = System.nanoTime() - copyStarted;
            dropCopyTable(connection);
        }

        double serviceRate = rows / seconds(serviceNanos);
        double copyRate = copied / seconds(copyNanos);
        System.out.printf("BENCHMARK service  POST /api/imports/customers: HTTP %d, %,d rows in %.2f s = %,.0f rows/s%n",
                response.statusCode(), rows, seconds(serviceNanos), serviceRate);
        System.out.printf("BENCHMARK postgres COPY ... FROM STDIN (csv):   %,d rows in %.2f s = %,.0f rows/s%n",
                copied, seconds(copyNanos), copyRate);
        if (response.statusCode() == 200) {
            System.out.printf("BENCHMARK ratio service/COPY = %.2f (goal >= 0.5)%n", serviceRate / copyRate);
        } else {
            System.out.printf("BENCHMARK ratio service/COPY = n/a, the service answered %d: %s%n",
                    response.statusCode(), abbreviate(response.body()));
        }

        assertEquals(200, response.statusCode(), response::body);
        JsonNode result = new ObjectMapper().readTree(response.body());
        assertEquals(rows, result.get("accepted").asLong());
        assertEquals(0, result.get("rejected").asLong());
        assertEquals(rows, copied);
    }

    private HttpResponse<String> postThroughTheService(Path file) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(importUrl + "?asOf=" + AS_OF))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Accept", "application/json")
                .timeout(IMPORT_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Connection connect() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(EmbeddedServersTestResource.jdbcUrl());
        return dataSource.getConnection();
    }

    /** Same columns and types as the customers CSV, with a primary key on customer_id. */
    private static void createCopyTable(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + COPY_TABLE);
            statement.execute("create table " + COPY_TABLE + " ("
                    + "customer_id text primary key, "
                    + "name text not null, "
                    + "mobile varchar(11), "
                    + "home_branch_id text not null, "
                    + "aum numeric(18, 2) not null, "
                    + "payroll boolean not null, "
                    + "status text not null)");
        }
    }

    private static void dropCopyTable(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table " + COPY_TABLE);
        }
    }

    private static double seconds(long nanos) {
        return nanos / NANOS_PER_SECOND;
    }

    private static String abbreviate(String text) {
        int limit = 500;
        return text.length() <= limit ? text : text.substring(0, limit) + "…";
    }
}
