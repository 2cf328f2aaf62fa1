package vn.caitien.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.caitien.infra.synthetic.SyntheticData.School;
import vn.caitien.infra.tokens.StandInIssuer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** HTTP calls with bearer tokens signed by the stand-in issuer; tokens minted once per person and re-minted after 30 min. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final long REFRESH_NANOS = Duration.ofMinutes(30).toNanos();

    private final StandInIssuer issuer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Minted> tokens = new ConcurrentHashMap<>();

    private record Minted(String token, long at) {
    }

    record Response(int status, String body, long nanos) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    Api(StandInIssuer issuer) { this.issuer = issuer; }

    String principal(School s) {
        return token("ht." + s.code(), Map.of("name", s.principal(), "title", "Hiệu trưởng", "roles", List.of("PRINCIPAL"),
                "school_code", s.code(), "unit", s.managingUnit()));
    }

    String monitor(School s) {
        return token("gs." + s.code(), Map.of("name", "Thành viên tổ giám sát " + s.code(), "title", "Tổ giám sát",
                "roles", List.of("MONITOR"), "school_code", s.code()));
    }

    String officer(String province) {
        return token("so." + province, Map.of("name", "Chuyên viên Sở", "title", "Chuyên viên Sở GD&ĐT",
                "roles", List.of("OFFICER"), "unit", List.of(province)));
    }

    String admin() {
        return token("quantri", Map.of("name", "Quản trị hệ thống", "title", "Quản trị viên", "roles", List.of("ADMIN")));
    }

    private String token(String subject, Map<String, Object> claims) {
        Minted m = tokens.compute(subject, (k, old) -> old != null && System.nanoTime() - old.at() < REFRESH_NANOS ? old
                : new Minted(issuer.token(subject, claims), System.nanoTime()));
        return m.token();
    }

    Response post(URI uri, String token, String body) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)), token);
    }

    Response get(URI uri, String token) {
        return send(HttpRequest.newBuilder(uri).GET(), token);
    }

    private Response send(HttpRequest.Builder request, String token) {
        request.header("Authorization", "Bearer " + token).header("Accept", "application/json").timeout(Duration.ofSeconds(120));
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), System.nanoTime() - started);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A successful answer's body, or a failure naming the call. */
    static Response ok(Response r, String what) {
        if (r.status() / 100 != 2) throw new IllegalStateException(what + " → " + r.status() + ": " + r.body());
        return r;
    }

    static String q(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
