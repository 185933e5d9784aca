package com.bank.callcenter.support;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A text/event-stream (the desk's /api/agent/events, the dashboard's /api/dashboard/stream) read
 * line by line on a thread of its own, as an EventSource would; Basic auth with password = user name.
 */
public final class EventStream implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final HttpResponse<InputStream> response;

    public EventStream(URL events, String rm) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((rm + ":" + rm).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").build();
        response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // closed at the end of the test
            }
        }, "sse-reader-" + rm);
        reader.setDaemon(true);
        reader.start();
    }

    public int status() {
        return response.statusCode();
    }

    public List<String> lines() {
        return lines;
    }

    /** True once an event named {@code name} arrived whose data line contains {@code text}. */
    public boolean has(String name, String text) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i).replace("event: ", "event:");
            if (line.equals("event:" + name)) {
                for (int j = i + 1; j < lines.size() && !lines.get(j).isEmpty(); j++) {
                    if (lines.get(j).startsWith("data") && lines.get(j).contains(text)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        response.body().close();
    }
}
