package com.bank.callcenter.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A real PostgreSQL from Maven Central binaries, for the embedded default and the tests. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory kept between runs when {@code keepData} is true
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean keepData) {
        return start(dataDirectory, keepData, 0);
    }

    /**
     * On a given port (0: a free one); with {@code keepData}, a stopped server is started again on
     * its data and port this way (tests that take PostgreSQL away and bring it back).
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean keepData, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgresServer(builder
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keepData)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("synchronous_commit", "off")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
