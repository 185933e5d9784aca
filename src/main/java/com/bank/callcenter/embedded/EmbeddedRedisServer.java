package com.bank.callcenter.embedded;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A real Redis server (binary shipped in the embedded-redis jar) on a free loopback port. */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedRedisServer start() {
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return new EmbeddedRedisServer(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start", e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public String hosts() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the server; used by tests that check how the service rides out a lost Redis. */
    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it again on the same port (empty: nothing is saved); after {@link #stop()} in tests. */
    public void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start again", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
