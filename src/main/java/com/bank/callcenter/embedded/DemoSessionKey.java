package com.bank.callcenter.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The login-cookie key of the embedded default: random, created once and kept in a file readable by its
 * owner only, so demo logins survive a restart and no key of the repository is ever used.
 */
public final class DemoSessionKey {

    static final String FILE_NAME = "session.key";
    private static final int KEY_BYTES = 48;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private DemoSessionKey() {
    }

    /** The key kept in {@code file}; created there first when the file does not exist. */
    public static String in(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo session key in " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // created owner-only, so the key is never readable by others, not even for a moment
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
    }
}
