package com.bank.callcenter.support;

import com.bank.callcenter.embedded.EmbeddedPostgresServer;
import com.bank.callcenter.embedded.EmbeddedRedisServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Real PostgreSQL and Redis for the whole test suite, started once from Maven Central binaries. */
public class EmbeddedServersTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedRedisServer redis;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgresServer.start(Files.createTempDirectory("callcenter-test-pg"), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        redis = EmbeddedRedisServer.start();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", "",
                "quarkus.redis.hosts", redis.hosts());
    }

    /** The JDBC URL of the test database, for tests that check the database directly. */
    public static String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public static EmbeddedRedisServer redis() {
        return redis;
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
