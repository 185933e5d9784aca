package com.bank.callcenter.security;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A form-login cookie sealed as Quarkus' PersistentLoginManager seals it: AES-GCM under SHA-256 of the
 * encryption key, plaintext "expiry-millis:user", value base64(iv length, iv, ciphertext).
 */
final class SealedLoginCookie {

    static final String NAME = "quarkus-credential";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private SealedLoginCookie() {
    }

    static String seal(String encryptionKey, String username, Duration validFor) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest(encryptionKey.getBytes(StandardCharsets.UTF_8));
            byte[] iv = new byte[IV_BYTES];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            String plain = (System.currentTimeMillis() + validFor.toMillis()) + ":" + username;
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer value = ByteBuffer.allocate(1 + iv.length + sealed.length);
            value.put((byte) iv.length).put(iv).put(sealed);
            return Base64.getEncoder().encodeToString(value.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
