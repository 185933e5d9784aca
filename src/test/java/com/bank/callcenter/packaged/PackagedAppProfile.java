package com.bank.callcenter.packaged;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar as the README's run command starts it: no database or Redis configured, so
 * {@code CallCenterMain} starts the embedded default (PostgreSQL, Redis, simulated PBX, demo mode)
 * inside the launched process. The settings below reach that process as {@code -D} options.
 * <p>
 * The global {@code EmbeddedServersTestResource} of the {@code @QuarkusTest}s is switched off: it would
 * start servers in the test JVM and hand their URLs to the jar, and the embedded default (and with it
 * the demo logins) would never run.
 */
public class PackagedAppProfile implements QuarkusTestProfile {

    /** Everything the packaged app writes stays under target/. */
    static final Path WORK_DIR = Path.of("target", "packaged-app-it").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                // demo logins (admin, planner, supervisor, imported staff: password = user name), no demo bank
                "callcenter.demo.customers", "0",
                "callcenter.security.bcrypt-cost", "4",
                "callcenter.imports.spool-dir", WORK_DIR.resolve("imports").toString(),
                // nothing runs on its own while the test drives the app
                "callcenter.lists.cron", "off",
                "callcenter.robot.enabled", "false",
                "callcenter.sms.campaigns.enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FreshEmbeddedDataDir.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
