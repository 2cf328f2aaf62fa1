package vn.caitien.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.caitien.infra.login.TokenCache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * JSON over HTTP, as any client of the services would speak it: signed in at the embedded identity
 * server as one of the demo accounts (authorization code + PKCE), with the bearer token on every call.
 */
final class Http {
    record Response(int status, String contentType, JsonNode body) {
    }

    /** Reads go through the administrator, who may read every plan; writes name the school user. */
    static final String READER = "quantri";
    static final String DEMO_PASSWORD = "caitien-demo";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static volatile TokenCache tokens;

    private Http() {
    }

    static void signInAt(URI issuer) {
        tokens = TokenCache.forIssuer(issuer, user -> DEMO_PASSWORD);
    }

    static String token(String username) {
        if (tokens == null) throw new IllegalStateException("RunningSystem has not started the identity server");
        return tokens.accessToken(username);
    }

    static Response post(URI uri, String username, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token(username))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static Response get(URI uri) throws Exception {
        return get(uri, READER);
    }

    static Response get(URI uri, String username) throws Exception {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token(username)).GET().build());
    }

    private static Response send(HttpRequest request) throws Exception {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
    }

    static JsonNode json(byte[] bytes) throws Exception { return JSON.readTree(bytes); }
}
