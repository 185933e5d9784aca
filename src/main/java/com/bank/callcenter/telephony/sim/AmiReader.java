package com.bank.callcenter.telephony.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads AMI messages: {@code Key: Value} lines (CRLF or LF), an empty line ends a message. */
public final class AmiReader {

    private static final int MAX_LINE_BYTES = 64 * 1024;

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    public AmiReader(InputStream in) {
        this.in = in;
    }

    /** The next message, or null at end of stream. Blank lines between messages are skipped. */
    public AmiMessage read() throws IOException {
        AmiMessage message = new AmiMessage();
        while (true) {
            String text = readLine();
            if (text == null) {
                return message.isEmpty() ? null : message;
            }
            if (text.isEmpty()) {
                if (!message.isEmpty()) {
                    return message;
                }
                continue;
            }
            int colon = text.indexOf(':');
            if (colon < 0) {
                message.add(text.trim(), "");
            } else {
                String value = text.substring(colon + 1);
                message.add(text.substring(0, colon).trim(), value.startsWith(" ") ? value.substring(1) : value);
            }
        }
    }

    /** One line without its terminator, or null at end of stream. */
    public String readLine() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return decodeLine();
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IOException("AMI line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : decodeLine();
    }

    private String decodeLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
