package com.bank.callcenter.contacts;

import com.bank.callcenter.embedded.EmbeddedPostgresServer;
import com.bank.callcenter.embedded.EmbeddedRedisServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL (and Redis) of its own for a test that stops and restarts the database: the suite's
 * shared one is never taken away from the other tests. Data are kept on disk, so a restart on the
 * same port finds them again.
 */
public class SecondPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static Path dataDir;
    private static int port;
    private static volatile EmbeddedPostgresServer postgres;
    private static EmbeddedRedisServer redis;

    /** The profile: this resource instead of the suite's servers, no scheduled drain (the test drains). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SecondPostgresResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("callcenter.contacts.opt-outs.drain-every", "off",
                    "callcenter.contacts.opt-outs.spool-dir", "target/test-opt-outs-second-pg",
                    "quarkus.datasource.jdbc.validate-on-borrow", "true",
                    "quarkus.datasource.jdbc.acquisition-timeout", "PT2S");
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("callcenter-test-pg2");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = EmbeddedPostgresServer.start(dataDir, true);
        port = postgres.port();
        redis = EmbeddedRedisServer.start();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", "",
                "quarkus.redis.hosts", redis.hosts());
    }

    static String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    static void stopPostgres() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void restartPostgres() {
        postgres = EmbeddedPostgresServer.start(dataDir, true, port);
    }

    @Override
    public void stop() {
        if (redis != null) {
            redis.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
