package vn.caitien.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** JSON over HTTP, as any client of the services would speak it. */
final class Http {
    record Response(int status, String contentType, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    static Response post(URI uri, String actor, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("X-User", URLEncoder.encode(actor, StandardCharsets.UTF_8))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static Response get(URI uri) throws Exception {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    private static Response send(HttpRequest request) throws Exception {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
    }

    static JsonNode json(byte[] bytes) throws Exception { return JSON.readTree(bytes); }
}
