package com.bank.callcenter.telephony.sim;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A bare TCP client that sees the bytes exactly as the simulated PBX writes them. */
public final class RawAmiClient implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = 20_000;
    private static final String MESSAGE_END = "\r\n\r\n";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawAmiClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** The first line, with its line ending. */
    String readLineRaw() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** One message as sent, up to and including the empty line; null at end of stream. */
    String readRawMessage() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            message.write(b);
            int size = message.size();
            if (size >= 4 && b == '\n') {
                String tail = new String(message.toByteArray(), size - 4, 4, StandardCharsets.ISO_8859_1);
                if (tail.equals(MESSAGE_END)) {
                    return message.toString(StandardCharsets.UTF_8);
                }
            }
        }
        return message.size() == 0 ? null : message.toString(StandardCharsets.UTF_8);
    }

    static AmiMessage parse(String raw) {
        AmiMessage message = new AmiMessage();
        for (String line : raw.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(": ");
            message.add(colon < 0 ? line.replaceFirst(":$", "") : line.substring(0, colon),
                    colon < 0 ? "" : line.substring(colon + 2));
        }
        return message;
    }

    public AmiMessage read() throws IOException {
        String raw = readRawMessage();
        return raw == null ? null : parse(raw);
    }

    /** Reads until a message matches; returns every raw message read, the matching one last. */
    List<String> readUntil(Predicate<AmiMessage> last) throws IOException {
        List<String> raws = new ArrayList<>();
        while (true) {
            String raw = readRawMessage();
            if (raw == null) {
                throw new IOException("connection closed before the expected message; read " + raws.size());
            }
            raws.add(raw);
            if (last.test(parse(raw))) {
                return raws;
            }
        }
    }

    public void send(AmiMessage message) throws IOException {
        out.write(message.toBytes());
        out.flush();
    }

    /** True when the server has closed the connection (end of stream before the timeout). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    public void loginWithSecret(String username, String secret, String events) throws IOException {
        readLineRaw();
        AmiMessage login = AmiMessage.of("Action", "Login").add("ActionID", "login").add("Username", username)
                .add("Secret", secret);
        if (events != null) {
            login.add("Events", events);
        }
        send(login);
        AmiMessage response = read();
        if (!"Success".equals(response.get("Response"))) {
            throw new IOException("login refused: " + response);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
