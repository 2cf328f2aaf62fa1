package vn.caitien.planservice.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.planservice.ApiTestSupport;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service over the real event store and Kafka, shared by the import and export API tests (one
 * Spring context for both): multipart uploads and problem+json checks.
 */
abstract class ExchangeApiSupport extends ApiTestSupport {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    record Response(int status, String contentType, JsonNode body, byte[] bytes, String location, String disposition) {
    }

    URI uri(String path) { return URI.create("http://localhost:" + port + path); }

    /** POST a file as multipart/form-data field "file" to /api/plans/import with the query, as this user ("Bearer …"). */
    Response upload(String fileName, byte[] content, String query, String authorization) throws Exception {
        String boundary = "----caitien" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/plans/import" + (query.isEmpty() ? "" : "?" + query)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null) request.header("Authorization", authorization);
        return send(request.build());
    }

    /** As the principal of {@link ApiTestSupport#SCHOOL}. */
    Response upload(String fileName, byte[] content, String query) throws Exception {
        return upload(fileName, content, query, tokenFor("/api/plans/import"));
    }

    Response get(String path) throws Exception { return send(HttpRequest.newBuilder(uri(path)).GET().build()); }

    /** Sends as the user who may (the school's principal) unless the request names one. */
    Response send(HttpRequest request) throws Exception {
        if (request.headers().firstValue("Authorization").isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", tokenFor(request.uri().getPath())).build();
        }
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String type = response.headers().firstValue("Content-Type").orElse("");
        byte[] bytes = response.body();
        JsonNode body = type.contains("json") && bytes.length > 0 ? json.readTree(bytes) : json.createObjectNode();
        return new Response(response.statusCode(), type, body, bytes, response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("Content-Disposition").orElse(null));
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    long events() { return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class); }

    void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("title").asText()).isNotBlank();
        assertThat(response.body().get("detail").asText()).isNotBlank();
        if (field != null) assertThat(response.body().at("/errors/0/field").asText()).isEqualTo(field);
    }
}
