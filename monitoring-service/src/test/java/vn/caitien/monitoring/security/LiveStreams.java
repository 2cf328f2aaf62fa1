package vn.caitien.monitoring.security;

import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.monitoring.support.Api;
import vn.caitien.monitoring.support.Fixture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Live streams (/api/stream) opened as a browser's EventSource would, read on background threads. */
final class LiveStreams implements AutoCloseable {
    private static final Pattern PLAN_ID = Pattern.compile("\"planId\"\\s*:\\s*\"([^\"]+)\"");
    private final Api api;
    private final List<Subscription> open = new ArrayList<>();

    LiveStreams(Api api) {
        this.api = api;
    }

    final class Subscription {
        private final Set<String> planIds = ConcurrentHashMap.newKeySet();
        private final InputStream body;

        Subscription(InputStream body) {
            this.body = body;
            Thread reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String event = null;
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("event:")) event = line.substring(6).strip();
                    else if (line.startsWith("data:") && "plan-changed".equals(event)) {
                        Matcher m = PLAN_ID.matcher(line);
                        if (m.find()) planIds.add(m.group(1));
                    } else if (line.isEmpty()) event = null;
                }
            } catch (IOException closed) {
                // the test closed the stream
            }
        }

        Set<String> planIds() { return Set.copyOf(planIds); }
    }

    Subscription openWithQueryToken(String token) throws Exception {
        return open(HttpRequest.newBuilder(api.uri("/api/stream?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
    }

    Subscription openWithHeader(String token) throws Exception {
        return open(HttpRequest.newBuilder(api.uri("/api/stream")).header("Authorization", "Bearer " + token));
    }

    /** The status of a refused subscription (token null: none sent). */
    int refused(String token) throws Exception {
        String query = token == null ? "" : "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> response = Api.client().send(HttpRequest.newBuilder(api.uri("/api/stream" + query))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private Subscription open(HttpRequest.Builder request) throws Exception {
        HttpResponse<InputStream> response = Api.client().send(request.header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new AssertionError("stream refused: " + response.statusCode() + " "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        Subscription subscription = new Subscription(response.body());
        open.add(subscription);
        return subscription;
    }

    static void recordProgress(String planId, String itemId) {
        Fixture.publish(planId, new ProgressRecorded(PlanId.of(planId), ActionItemId.of(itemId), "p-" + System.nanoTime(),
                ProgressStatus.DANG_THUC_HIEN, 30, List.of(), null, List.of(), null, LocalDate.of(2024, 1, 10)),
                "Tổ giám sát - Người Thử");
    }

    @Override
    public void close() {
        for (Subscription s : open) {
            try {
                s.body.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
