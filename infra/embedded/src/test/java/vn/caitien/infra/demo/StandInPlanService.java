package vn.caitien.infra.demo;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A stand-in plan-service on the loopback interface for {@link DemoLoaderTest}: records every call
 * and answers as the real one does. Ids are handed out in call order ("id-1", "id-2", …) to each
 * imported plan, then its item rows, and to each progress record; the import answers like
 * ImportResponse, its rows read from the demo script of the uploaded file. Each call's bearer token is
 * read (not verified: the test issued it) for the person it names.
 */
final class StandInPlanService implements AutoCloseable {
    /**
     * One call; {@code subject} and {@code user} ("title - name") come from the bearer token's claims
     * (null without one), {@code body} is the parsed JSON, {@code raw} the bytes as sent (multipart for the import).
     */
    record Call(String method, String path, Map<String, String> query, String authorization, String subject,
                String user, String correlationId, String contentType, Object body, byte[] raw) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final HttpServer server;
    volatile String plansJson = "[]";
    volatile int failOnCall = -1;
    volatile String importConflict;
    /** Changes the import's item rows before they are answered, e.g. to drop one. */
    volatile UnaryOperator<List<Map<String, Object>>> rows = UnaryOperator.identity();

    StandInPlanService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/plans", this::answer);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        JWTClaimsSet claims = claims(authorization);
        String path = exchange.getRequestURI().getPath();
        Object body = raw.length == 0 || type == null || !type.startsWith("application/json") ? null
                : Json.parse(new String(raw, StandardCharsets.UTF_8));
        calls.add(new Call(exchange.getRequestMethod(), path, query(exchange.getRequestURI().getRawQuery()), authorization,
                claims == null ? null : claims.getSubject(),
                claims == null ? null : claims.getClaim("title") + " - " + claims.getClaim("name"),
                exchange.getRequestHeaders().getFirst("X-Correlation-Id"), type, body, raw));
        if (exchange.getRequestHeaders().containsKey("X-User")) {
            send(exchange, 400, "application/problem+json", "{\"title\":\"X-User is no longer read\"}");
            return;
        }
        if (calls.size() == failOnCall) {
            send(exchange, 422, "application/problem+json", "{\"title\":\"Trạng thái và tỉ lệ hoàn thành mâu thuẫn\","
                    + "\"detail\":\"Trạng thái Hoàn thành cần tỉ lệ 100%, nhận được 90%\","
                    + "\"errors\":[{\"field\":\"percent\",\"message\":\"Trạng thái Hoàn thành cần tỉ lệ 100%\"}]}");
        } else if (exchange.getRequestMethod().equals("GET")) {
            send(exchange, 200, "application/json", plansJson);
        } else if (path.equals("/api/plans/import")) {
            if (importConflict != null) {
                send(exchange, 409, "application/problem+json", "{\"type\":\"import-duplicate\",\"title\":\"Tệp này đã "
                        + "được nhập trước đó\",\"status\":409,\"detail\":\"Tệp này đã được nhập thành kế hoạch "
                        + importConflict + "\",\"field\":\"file\",\"existingPlanId\":\"" + importConflict + "\"}");
            } else {
                send(exchange, 201, "application/json", Json.write(imported(new String(raw, StandardCharsets.ISO_8859_1))));
            }
        } else if (exchange.getRequestMethod().equals("PUT")) {
            send(exchange, 200, "application/json", "{\"id\":\"" + path.substring(path.lastIndexOf('/') + 1) + "\"}");
        } else if (path.endsWith("/approve")) {
            send(exchange, 200, "application/json", "{\"status\":\"APPROVED\"}");
        } else if (path.endsWith("/reports")) {
            send(exchange, 201, "application/json", "{\"period\":\"DAU_NAM\",\"revision\":1}");
        } else {
            send(exchange, 201, "application/json", "{\"id\":\"id-" + ids.incrementAndGet() + "\"}");
        }
    }

    /** What ImportResponse says for the uploaded demo file: the header and one row per script item. */
    private Map<String, Object> imported(String multipart) {
        DemoData data = DemoData.all().stream().filter(d -> multipart.contains("filename=\"" + d.docx() + "\""))
                .findFirst().orElseThrow();
        String planId = "id-" + ids.incrementAndGet();
        List<Map<String, Object>> items = new ArrayList<>();
        int row = 2;
        for (DemoData.ItemStep item : data.items()) {
            Map<String, Object> parsed = new LinkedHashMap<>(item.request());
            parsed.remove("indicators");
            parsed.put("row", row);
            parsed.put("criterionText", "Tiêu chí " + item.criterionCode());
            parsed.put("skipped", false);
            items.add(parsed);
            row++;
        }
        items = new ArrayList<>(rows.apply(items));
        for (Map<String, Object> item : items) {
            item.put("itemId", Boolean.TRUE.equals(item.get("skipped")) ? null : "id-" + ids.incrementAndGet());
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("schoolName", data.schoolName());
        header.put("documentNumber", data.documentNumber());
        header.put("schoolYear", data.schoolYear());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("planId", planId);
        answer.put("created", true);
        answer.put("dryRun", false);
        answer.put("format", "docx");
        answer.put("existingPlanId", null);
        answer.put("plan", header);
        answer.put("items", items);
        answer.put("diagnostics", List.of());
        return answer;
    }

    private static JWTClaimsSet claims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) return null;
        try {
            return SignedJWT.parse(authorization.substring("Bearer ".length())).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalStateException("not a JWT: " + authorization, e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null) return query;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
