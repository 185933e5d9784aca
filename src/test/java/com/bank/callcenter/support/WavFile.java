package com.bank.callcenter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A WAV prompt as Asterisk's format_wav plays it without transcoding (RIFF, PCM, mono, 8000 Hz,
 * 16 bit, longer than half a second); {@code seconds} is how long it plays.
 */
public record WavFile(double seconds) {
    /** Reads the file and fails unless it is what Asterisk's format_wav plays (RIFF PCM, mono, 8 kHz, 16 bit). */
    public static WavFile read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", ascii(b, 0), file + " is not RIFF");
        assertEquals("WAVE", ascii(b, 8), file + " is not WAVE");
        int pos = 12;
        Integer dataBytes = null;
        boolean fmt = false;
        while (pos + 8 <= b.limit()) {
            String id = ascii(b, pos);
            int size = b.getInt(pos + 4);
            if (id.equals("fmt ")) {
                assertEquals(1, b.getShort(pos + 8), file + ": PCM");
                assertEquals(1, b.getShort(pos + 10), file + ": mono");
                assertEquals(8000, b.getInt(pos + 12), file + ": 8000 Hz");
                assertEquals(16, b.getShort(pos + 22), file + ": 16 bit");
                fmt = true;
            } else if (id.equals("data")) {
                dataBytes = size;
            }
            pos += 8 + size + (size & 1);
        }
        assertTrue(fmt, file + " has no fmt chunk");
        assertNotNull(dataBytes, file + " has no data chunk");
        assertTrue(dataBytes > 8000, file + " is shorter than half a second");
        return new WavFile(dataBytes / 16000.0);
    }

    private static String ascii(ByteBuffer b, int at) {
        byte[] four = new byte[4];
        b.get(at, four);
        return new String(four, StandardCharsets.US_ASCII);
    }
}
