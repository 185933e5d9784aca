package com.bank.callcenter.telephony.sim;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.jboss.logging.Logger;

/**
 * Sends a connection's outgoing bytes from its own thread, so that a slow client never holds up
 * the call timelines that broadcast events to every connection. Order of {@link #send} calls is kept.
 */
final class AmiWriter {

    private static final Logger LOG = Logger.getLogger(AmiWriter.class);
    private static final byte[] CLOSE = new byte[0];
    private static final int BUFFER_BYTES = 64 * 1024;

    private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final OutputStream out;
    private final Runnable onClose;
    private final Thread thread;
    private volatile boolean closing;

    AmiWriter(OutputStream out, String name, Runnable onClose) {
        this.out = new BufferedOutputStream(out, BUFFER_BYTES);
        this.onClose = onClose;
        this.thread = new Thread(this::drain, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void send(AmiMessage message) {
        send(message.toBytes());
    }

    void sendLine(String line) {
        send((line + AmiMessage.CRLF).getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) {
        if (!closing) {
            queue.add(bytes);
        }
    }

    /** Writes what is queued, then closes the connection (Logoff, failed login, shutdown). */
    void closeAfterFlush() {
        closing = true;
        queue.add(CLOSE);
    }

    int backlog() {
        return queue.size();
    }

    private void drain() {
        try {
            while (true) {
                byte[] bytes = queue.take();
                if (bytes == CLOSE) {
                    break;
                }
                out.write(bytes);
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
            out.flush();
        } catch (IOException e) {
            LOG.debugf("AMI client write failed: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            onClose.run();
        }
    }

    void interrupt() {
        closing = true;
        thread.interrupt();
    }
}
