package vn.caitien.infra.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few plan-service calls the demo needs, over java.net.http so the embedded module needs no web
 * client library. Every failure, from a refused connection to a problem+json answer, becomes a
 * {@link CallFailed} whose message a school user can read.
 */
final class PlanServiceClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // Commands wait for the event store; the first ones after a cold start can take seconds.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** A call that did not succeed; {@code status} is 0 when no HTTP answer came back. */
    static final class CallFailed extends RuntimeException {
        private final int status;

        CallFailed(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        int status() { return status; }
    }

    private final String base;
    private final HttpClient http;
    // One prefix per run, one suffix per call: each request traceable alone and the run as a whole.
    private final String correlationPrefix = "demo-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final AtomicInteger calls = new AtomicInteger();

    PlanServiceClient(URI base) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    String base() { return base; }

    /** GET a JSON array, e.g. /api/plans. */
    List<Object> getList(String path) {
        HttpRequest request = request(path, null).GET().build();
        return DemoData.list(send(request), "GET " + path);
    }

    /** POST a JSON body as {@code actor}; returns the JSON object answered (empty when none). */
    Map<String, Object> post(String path, Map<String, Object> body, String actor) {
        HttpRequest request = request(path, actor)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))
                .build();
        Object answer = send(request);
        return answer == null ? Map.of() : DemoData.object(answer, "POST " + path);
    }

    private HttpRequest.Builder request(String path, String actor) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("X-Correlation-Id", correlationPrefix + String.format("%03d", calls.incrementAndGet()));
        // HTTP headers are Latin-1: the service URL-decodes X-User, so Vietnamese names survive.
        if (actor != null) builder.header("X-User", URLEncoder.encode(actor, StandardCharsets.UTF_8));
        return builder;
    }

    private Object send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CallFailed(0, "không kết nối được plan-service tại " + base + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); hãy kiểm tra dịch vụ đã khởi động", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(0, "bị ngắt khi đang gọi plan-service", e);
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status / 100 != 2) throw new CallFailed(status, describeFailure(request, status, body), null);
        if (body.isBlank()) return null;
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new CallFailed(status, request.method() + " " + request.uri().getPath()
                    + ": câu trả lời không phải JSON (" + e.getMessage() + ")", e);
        }
    }

    /** "HTTP 422 – title: detail [trường: percent]" from problem+json; the raw start of anything else. */
    static String describeFailure(HttpRequest request, int status, String body) {
        String where = request.method() + " " + request.uri().getPath();
        Object parsed = null;
        try {
            parsed = body.isBlank() ? null : Json.parse(body);
        } catch (IllegalArgumentException notJson) {
            // Proxies and crashed servers answer in HTML or plain text; fall through to the raw body.
        }
        if (!(parsed instanceof Map<?, ?> problem)) {
            String raw = body.strip();
            return "HTTP " + status + " từ " + where + (raw.isEmpty() ? ""
                    : ": " + (raw.length() > 300 ? raw.substring(0, 300) + "…" : raw));
        }
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (problem.get("title") != null) text.append(" – ").append(problem.get("title"));
        if (problem.get("detail") != null) text.append(": ").append(problem.get("detail"));
        List<String> fields = new ArrayList<>();
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> e && e.get("field") != null) fields.add(String.valueOf(e.get("field")));
            }
        }
        if (!fields.isEmpty()) text.append(" [trường: ").append(String.join(", ", fields)).append(']');
        return text.append(" (").append(where).append(')').toString();
    }
}
