package vn.caitien.infra.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A minimal OIDC issuer for service tests: it publishes its RSA signing key at
 * {@code /oauth2/jwks} (the path the embedded identity server uses) and signs access tokens with
 * whatever claims a test asks for, so the services validate real RS256 JWTs exactly as in production.
 * Its tokens are meant for the services' audience ({@value #AUDIENCE}, their {@code caitien.tokens.audience}).
 * It also signs tokens a real issuer never would (expired, foreign key, no expiry, ten-year lifetime,
 * another audience) to test refusals.
 */
public final class StandInIssuer implements AutoCloseable {
    /** The {@code aud} of its tokens: the services' default {@code caitien.tokens.audience}. */
    public static final String AUDIENCE = "caitien";

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private StandInIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
        this.issuer = "http://localhost:" + server.getAddress().getPort();
    }

    public static StandInIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StandInIssuer issuer = new StandInIssuer(key, server);
            server.createContext("/oauth2/jwks", exchange -> respond(exchange,
                    new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange,
                    "{\"issuer\":\"" + issuer.issuer + "\",\"jwks_uri\":\"" + issuer.jwkSetUri() + "\"}"));
            server.start();
            return issuer;
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("Stand-in issuer cannot start", e);
        }
    }

    /** The {@code iss} of its tokens, to set as the services' issuer URI. */
    public String issuerUri() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** An access token for a user, valid for an hour, with these extra claims (roles, school_code, …). */
    public String token(String subject, Map<String, Object> claims) {
        return sign(subject, claims, issuer, Instant.now().plus(Duration.ofHours(1)), key);
    }

    /** A token that expired a minute ago, otherwise valid. */
    public String expiredToken(String subject, Map<String, Object> claims) {
        return sign(subject, claims, issuer, Instant.now().minus(Duration.ofMinutes(1)), key);
    }

    /** A well-formed token signed by a key this issuer never published. */
    public String tokenSignedByAnotherKey(String subject, Map<String, Object> claims) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            return sign(subject, claims, issuer, Instant.now().plus(Duration.ofHours(1)), other);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token naming another issuer, signed with this issuer's key. */
    public String tokenFromAnotherIssuer(String subject, Map<String, Object> claims) {
        return sign(subject, claims, "http://localhost:1/other", Instant.now().plus(Duration.ofHours(1)), key);
    }

    /**
     * A token as {@link #token} signs it, with its standard claims changed first: e.g.
     * {@code b -> b.expirationTime(null)} (no expiry) or {@code b -> b.audience("other")}.
     */
    public String token(String subject, Map<String, Object> claims, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(builder(subject, claims, issuer, Instant.now().plus(Duration.ofHours(1)))), key);
    }

    private static String sign(String subject, Map<String, Object> claims, String issuer, Instant expires, RSAKey key) {
        return sign(builder(subject, claims, issuer, expires), key);
    }

    private static JWTClaimsSet.Builder builder(String subject, Map<String, Object> claims, String issuer, Instant expires) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(subject).audience(AUDIENCE).issueTime(Date.from(expires.minus(Duration.ofHours(1))))
                .notBeforeTime(Date.from(expires.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString());
        new LinkedHashMap<>(claims).forEach((name, value) ->
                builder.claim(name, value instanceof List<?> list ? List.copyOf(list) : value));
        return builder;
    }

    private static String sign(JWTClaimsSet.Builder builder, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
