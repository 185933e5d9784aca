package com.bank.callcenter.packaged;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An empty data folder under target/ for the embedded PostgreSQL of the packaged app: the embedded
 * default keeps its data between starts, and every run of the integration test starts from nothing.
 * Nothing is started here; the launched jar starts its own servers.
 */
public class FreshEmbeddedDataDir implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Path dataDir = PackagedAppProfile.WORK_DIR.resolve("embedded-postgres");
        deleteRecursively(dataDir);
        return Map.of("callcenter.embedded.data-dir", dataDir.toString());
    }

    @Override
    public void stop() {
        // the folder stays for a look after a failure; ./mvnw clean removes it
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty " + dir, e);
        }
    }
}
