package com.bank.callcenter.embedded;

import com.bank.callcenter.security.SessionKeyRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DemoSessionKeyTest {

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheKey() {
        System.clearProperty(EmbeddedDefault.SESSION_KEY_SETTING);
    }

    @Test
    void theDemoKeyIsGeneratedOnceKeptOwnerOnlyAndReused() throws IOException {
        Path file = dir.resolve("session.key");
        String first = DemoSessionKey.in(file);

        assertEquals(Optional.empty(), SessionKeyRule.problem(Optional.of(first), false), "a key good enough for production");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first, DemoSessionKey.in(file), "the same key after a restart");
        assertNotEquals(first, DemoSessionKey.in(dir.resolve("other.key")), "random, not a constant");
    }

    @Test
    void theEmbeddedDefaultUsesTheKeyBesideItsData() {
        EmbeddedDefault.useDemoSessionKeyUnlessConfigured(dir.resolve("embedded-postgres"));

        assertEquals(DemoSessionKey.in(dir.resolve(DemoSessionKey.FILE_NAME)),
                System.getProperty(EmbeddedDefault.SESSION_KEY_SETTING));
    }

    @Test
    void aConfiguredKeyIsNotReplaced() {
        String configured = "c".repeat(SessionKeyRule.MIN_LENGTH);
        System.setProperty(EmbeddedDefault.SESSION_KEY_SETTING, configured);

        EmbeddedDefault.useDemoSessionKeyUnlessConfigured(dir.resolve("embedded-postgres"));

        assertEquals(configured, System.getProperty(EmbeddedDefault.SESSION_KEY_SETTING));
        assertFalse(Files.exists(dir.resolve(DemoSessionKey.FILE_NAME)));
    }
}
