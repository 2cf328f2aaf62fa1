package vn.caitien.planservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the security and concurrency tests: each request names its user. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public record Response(int status, String contentType, JsonNode body, HttpResponse<byte[]> raw) {
        public String header(String name) { return raw.headers().firstValue(name).orElse(null); }

        public boolean isProblem() { return contentType.startsWith("application/problem+json"); }
    }

    public URI uri(String path) { return URI.create("http://localhost:" + port + path); }

    /** authorization: "Bearer …", or null for none; body: JSON or null. */
    public Response send(String method, String path, String body, String authorization, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (body != null) b.header("Content-Type", "application/json");
        if (authorization != null) b.header("Authorization", authorization);
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    public Response send(String method, String path, String body, String authorization) throws Exception {
        return send(method, path, body, authorization, Map.of());
    }

    public Response get(String path, String authorization) throws Exception {
        return send("GET", path, null, authorization);
    }

    /** POST a file as multipart/form-data field "file". */
    public Response upload(String path, String fileName, byte[] content, String authorization) throws Exception {
        String boundary = "----caitien" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null) b.header("Authorization", authorization);
        return send(b.build());
    }

    public Response send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String type = r.headers().firstValue("Content-Type").orElse("");
        JsonNode body = type.contains("json") && r.body().length > 0 ? JSON.readTree(r.body()) : JSON.createObjectNode();
        return new Response(r.statusCode(), type, body, r);
    }
}
