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
import java.util.function.Function;

/**
 * The few plan-service calls the demo needs, over java.net.http so the embedded module needs no web
 * client library. Each call is made as a person: the actor named in the demo script, whose access
 * token {@code tokens} gives ({@code Authorization: Bearer}). Every failure, from a refused connection
 * or a failed login to a problem+json answer, becomes a {@link CallFailed} whose message a school user
 * can read.
 */
final class PlanServiceClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // Commands wait for the event store; the first ones after a cold start can take seconds.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** A call that did not succeed; {@code status} is 0 when no HTTP answer came back. */
    static final class CallFailed extends RuntimeException {
        private final int status;
        private final Map<?, ?> problem;

        CallFailed(int status, String message, Throwable cause) {
            this(status, message, cause, Map.of());
        }

        CallFailed(int status, String message, Throwable cause, Map<?, ?> problem) {
            super(message, cause);
            this.status = status;
            this.problem = problem;
        }

        int status() { return status; }

        /** The problem+json answer, e.g. its existingPlanId; empty when there was none. */
        Map<?, ?> problem() { return problem; }
    }

    static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final String base;
    private final HttpClient http;
    private final Function<String, String> tokens;
    // One prefix per run, one suffix per call: each request traceable alone and the run as a whole.
    private final String correlationPrefix = "demo-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final AtomicInteger calls = new AtomicInteger();

    /** {@code tokens} gives an access token for an actor label such as "Tổ giám sát - Nguyễn Thị Mai". */
    PlanServiceClient(URI base, Function<String, String> tokens) {
        this.tokens = tokens;
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    String base() { return base; }

    /** GET a JSON array as {@code actor}, e.g. /api/plans (filtered to what the actor may see). */
    List<Object> getList(String path, String actor) {
        HttpRequest request = request(path, actor).GET().build();
        return DemoData.list(send(request), "GET " + path);
    }

    /** POST a JSON body as {@code actor}; returns the JSON object answered (empty when none). */
    Map<String, Object> post(String path, Map<String, Object> body, String actor) {
        return json("POST", path, body, actor);
    }

    /** PUT a JSON body as {@code actor}; returns the JSON object answered (empty when none). */
    Map<String, Object> put(String path, Map<String, Object> body, String actor) {
        return json("PUT", path, body, actor);
    }

    private Map<String, Object> json(String method, String path, Map<String, Object> body, String actor) {
        HttpRequest request = request(path, actor)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))
                .build();
        Object answer = send(request);
        return answer == null ? Map.of() : DemoData.object(answer, method + " " + path);
    }

    /**
     * POST a Word document as the multipart/form-data field {@code file}, as a browser form would,
     * with {@code query} (blank values left out) URL-encoded; returns the JSON object answered.
     */
    Map<String, Object> upload(String path, Map<String, String> query, String fileName, byte[] file, String actor) {
        StringBuilder url = new StringBuilder(path);
        query.forEach((name, value) -> {
            if (value == null || value.isBlank()) return;
            url.append(url.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        String boundary = "----caitien-demo-" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + DOCX_TYPE + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = request(url.toString(), actor)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail)))
                .build();
        Object answer = send(request);
        return answer == null ? Map.of() : DemoData.object(answer, "POST " + path);
    }

    private HttpRequest.Builder request(String path, String actor) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("X-Correlation-Id", correlationPrefix + String.format("%03d", calls.incrementAndGet()));
        if (actor != null) builder.header("Authorization", "Bearer " + token(actor));
        return builder;
    }

    private String token(String actor) {
        try {
            return tokens.apply(actor);
        } catch (RuntimeException e) {
            throw new CallFailed(0, "không đăng nhập được với tư cách " + actor + ": " + e.getMessage(), e);
        }
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
        if (status / 100 != 2) {
            throw new CallFailed(status, describeFailure(request, status, body), null, problemOf(body));
        }
        if (body.isBlank()) return null;
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new CallFailed(status, request.method() + " " + request.uri().getPath()
                    + ": câu trả lời không phải JSON (" + e.getMessage() + ")", e);
        }
    }

    private static Map<?, ?> problemOf(String body) {
        try {
            return body.isBlank() || !(Json.parse(body) instanceof Map<?, ?> map) ? Map.of() : map;
        } catch (IllegalArgumentException notJson) {
            return Map.of();
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
