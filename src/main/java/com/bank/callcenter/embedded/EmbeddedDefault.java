package com.bank.callcenter.embedded;

import com.bank.callcenter.security.SessionKeyRule;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded default: with no database (or no Redis) configured, start a real one here,
 * keep PostgreSQL's data in a local folder between runs, and switch on the demo mode
 * (demo users and data). With the standard Quarkus settings nothing embedded is started.
 */
public final class EmbeddedDefault {

    private static final Logger LOG = Logger.getLogger(EmbeddedDefault.class);
    static final String DATA_DIR_SETTING = "callcenter.embedded.data-dir";
    static final String DEFAULT_DATA_DIR = "data/embedded-postgres";
    static final String SESSION_KEY_SETTING = "quarkus.http.auth.session.encryption-key";

    private EmbeddedDefault() {
    }

    public static void startWhatIsNotConfigured() {
        boolean embeddedDatabase = setting("quarkus.datasource.jdbc.url").isEmpty();
        if (embeddedDatabase) {
            Path dataDir = Path.of(setting(DATA_DIR_SETTING).orElse(DEFAULT_DATA_DIR)).toAbsolutePath();
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, true);
            System.setProperty("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
            System.setProperty("quarkus.datasource.username", EmbeddedPostgresServer.USER);
            System.setProperty("quarkus.datasource.password", "");
            System.setProperty("callcenter.demo.enabled", "true");
            useDemoSessionKeyUnlessConfigured(dataDir);
            closeOnExit(postgres);
            LOG.infof("Embedded default: PostgreSQL on port %d, data in %s", postgres.port(), dataDir);
        }
        if (setting("quarkus.redis.hosts").isEmpty()) {
            EmbeddedRedisServer redis = EmbeddedRedisServer.start();
            System.setProperty("quarkus.redis.hosts", redis.hosts());
            closeOnExit(redis);
            LOG.infof("Embedded default: Redis on port %d", redis.port());
        }
    }

    /** Demo mode: a login-cookie key of this installation, kept beside the database's folder. */
    static void useDemoSessionKeyUnlessConfigured(Path dataDir) {
        if (setting(SESSION_KEY_SETTING).isEmpty() && setting(SessionKeyRule.VARIABLE).isEmpty()) {
            Path keyFile = dataDir.toAbsolutePath().getParent().resolve(DemoSessionKey.FILE_NAME);
            System.setProperty(SESSION_KEY_SETTING, DemoSessionKey.in(keyFile));
            LOG.infof("Embedded default: login cookies sealed with the key in %s", keyFile);
        }
    }

    /** A setting as Quarkus would see it: a system property or its environment variable. */
    static Optional<String> setting(String name) {
        String property = System.getProperty(name);
        if (property != null && !property.isBlank()) {
            return Optional.of(property);
        }
        String env = System.getenv(name.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
    }

    private static void closeOnExit(AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("embedded server did not stop cleanly", e);
            }
        }, "embedded-default-shutdown"));
    }
}
