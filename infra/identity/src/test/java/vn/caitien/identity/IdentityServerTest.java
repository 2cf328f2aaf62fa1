package vn.caitien.identity;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.caitien.access.Caller;
import vn.caitien.access.Role;
import vn.caitien.infra.demo.DemoLoader;
import vn.caitien.infra.login.DemoUsers;
import vn.caitien.infra.login.LoginException;
import vn.caitien.infra.login.OidcLogin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The identity server as its clients see it, over HTTP on a real port: discovery, keys, the
 * authorization-code flow with PKCE driven by {@link OidcLogin} for every demo account, the claims the
 * services read, and what it refuses (wrong password, unregistered redirect, no PKCE, foreign origins).
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IdentityServerTest {
    private static final int PORT = freePort();
    private static final String ISSUER = "http://localhost:" + PORT;
    private static final String PASSWORD = "caitien-demo";
    private static final DemoUsers USERS = DemoUsers.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("caitien.identity.issuer", () -> ISSUER);
        registry.add("caitien.identity.dashboard-urls", () -> "http://localhost:8082, https://theodoi.example.vn/");
        registry.add("caitien.identity.show-demo-users", () -> "true");
    }

    @Test
    void theDiscoveryDocumentNamesTheIssuerAndItsEndpoints() throws Exception {
        JsonNode discovery = getJson("/.well-known/openid-configuration");
        assertEquals(ISSUER, discovery.get("issuer").asText());
        assertEquals(ISSUER + "/oauth2/authorize", discovery.get("authorization_endpoint").asText());
        assertEquals(ISSUER + "/oauth2/token", discovery.get("token_endpoint").asText());
        assertEquals(ISSUER + "/oauth2/jwks", discovery.get("jwks_uri").asText());
        assertThat(texts(discovery.get("id_token_signing_alg_values_supported"))).contains("RS256");
        assertThat(texts(discovery.get("code_challenge_methods_supported"))).containsExactly("S256");
        assertThat(texts(discovery.get("scopes_supported"))).contains("openid");
        assertThat(discovery.hasNonNull("end_session_endpoint")).isTrue();
    }

    @Test
    void theKeySetPublishesTheRsaKeyTokensAreSignedWith() throws Exception {
        JWKSet keys = JWKSet.parse(get("/oauth2/jwks", Map.of()).body());
        assertThat(keys.getKeys()).hasSize(1);
        assertEquals("RSA", keys.getKeys().get(0).getKeyType().getValue());
        assertThat(keys.getKeys().get(0).isPrivate()).isFalse();

        SignedJWT token = SignedJWT.parse(OidcLogin.accessToken(URI.create(ISSUER), "quantri", PASSWORD));
        assertEquals("RS256", token.getHeader().getAlgorithm().getName());
        assertEquals(keys.getKeys().get(0).getKeyID(), token.getHeader().getKeyID());
        assertThat(token.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(keys.getKeys().get(0).toRSAKey()))).isTrue();
    }

    @Test
    void everyDemoAccountLogsInAndTheServicesReadItsClaims() {
        // Decoded as a service decodes: keys from jwks_uri, iss checked against the configured issuer.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        for (DemoUsers.User user : USERS.all()) {
            Jwt jwt = decoder.decode(OidcLogin.accessToken(URI.create(ISSUER), user.username(), PASSWORD));
            Map<String, Object> claims = jwt.getClaims();
            assertEquals(user.username(), jwt.getSubject());
            for (Map.Entry<String, Object> claim : user.claims().entrySet()) {
                assertEquals(claim.getValue(), claims.get(claim.getKey()), user.username() + " " + claim.getKey());
            }
            for (String absent : List.of(Caller.SCHOOL_CODE, Caller.UNIT, Caller.LEADS)) {
                if (!user.claims().containsKey(absent)) assertThat(claims).as(user.username()).doesNotContainKey(absent);
            }
            Caller caller = Caller.fromClaims(claims);
            assertEquals(user.actorLabel(), caller.actorLabel());
            assertEquals(user.roles().stream().map(Role::valueOf).collect(Collectors.toSet()), caller.roles());
            assertEquals(user.schoolCode(), caller.schoolCode());
            assertEquals(user.unit(), caller.unit());
            assertEquals(user.leads(), caller.leads());
            assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile");
            assertThat(jwt.getAudience()).containsExactly("caitien-cli", "caitien");
        }
    }

    @Test
    void anAccessTokenLastsEightHoursAndTheIdTokenNamesTheUser() throws Exception {
        OidcLogin.Token token = OidcLogin.login(URI.create(ISSUER), "giamsat.mai.ldc", PASSWORD);
        var access = SignedJWT.parse(token.accessToken()).getJWTClaimsSet();
        assertEquals(Duration.ofHours(8), Duration.between(access.getIssueTime().toInstant(), access.getExpirationTime().toInstant()));
        assertThat(token.expiresAt()).isCloseTo(access.getExpirationTime().toInstant(), within(Duration.ofSeconds(5)));

        var id = SignedJWT.parse(token.idToken()).getJWTClaimsSet();
        assertEquals("giamsat.mai.ldc", id.getSubject());
        assertEquals("Nguyễn Thị Mai", id.getStringClaim("name"));
        assertEquals("Tổ giám sát", id.getStringClaim("title"));
        assertThat(id.getClaims()).doesNotContainKeys("roles", "school_code");
        assertEquals(ISSUER, id.getIssuer());
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedInVietnamese() throws Exception {
        assertThatThrownBy(() -> OidcLogin.login(URI.create(ISSUER), "giamsat.mai.ldc", "caitien-demo2"))
                .isInstanceOf(LoginException.class)
                .hasMessage("Tên đăng nhập hoặc mật khẩu không đúng (tài khoản giamsat.mai.ldc)");
        assertThatThrownBy(() -> OidcLogin.login(URI.create(ISSUER), "hieutruong.khac", PASSWORD))
                .hasMessage("Tên đăng nhập hoặc mật khẩu không đúng (tài khoản hieutruong.khac)");
        assertThat(get("/login?error", Map.of()).body()).contains("<p class=\"error\" role=\"alert\">Tên đăng nhập hoặc mật khẩu không đúng</p>");
    }

    @Test
    void aRedirectUriThatIsNotRegisteredIsRefusedWithoutGoingThere() {
        assertThatThrownBy(() -> OidcLogin.login(URI.create(ISSUER), "caitien-cli", URI.create("http://127.0.0.1/other"),
                "quantri", PASSWORD))
                .isInstanceOf(LoginException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("Yêu cầu đăng nhập không hợp lệ")
                .hasMessageContaining("redirect_uri");
        assertThatThrownBy(() -> OidcLogin.login(URI.create(ISSUER), "caitien-dashboard",
                URI.create("http://evil.example/callback.html"), "quantri", PASSWORD))
                .hasMessageContaining("HTTP 400").hasMessageContaining("redirect_uri");
        assertThatThrownBy(() -> OidcLogin.login(URI.create(ISSUER), "caitien-other", URI.create(OidcLogin.CLI_REDIRECT),
                "quantri", PASSWORD))
                .hasMessageContaining("HTTP 400").hasMessageContaining("client_id");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() throws Exception {
        HttpResponse<String> response = get("/oauth2/authorize?response_type=code&client_id=caitien-cli&scope=openid"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback&state=s1", Map.of("Accept", "text/html"));
        assertEquals(302, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://127.0.0.1/callback?error=invalid_request")
                .contains("code_challenge").contains("state=s1").doesNotContain("code=");
    }

    @Test
    void theDashboardLogsInThroughEachOfItsOrigins() throws Exception {
        for (String origin : List.of("http://localhost:8082", "https://theodoi.example.vn")) {
            OidcLogin.Token token = OidcLogin.login(URI.create(ISSUER), "caitien-dashboard", URI.create(origin + "/callback.html"),
                    "so.hcm", PASSWORD);
            var claims = SignedJWT.parse(token.accessToken()).getJWTClaimsSet();
            assertEquals(List.of("caitien-dashboard", "caitien"), claims.getAudience());
            assertEquals(List.of("Thành phố Hồ Chí Minh"), claims.getStringListClaim("unit"));
        }
    }

    @Test
    void corsLetsOnlyTheDashboardOriginsCallTheTokenEndpoint() throws Exception {
        HttpResponse<String> allowed = send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:8082").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));
        assertEquals(200, allowed.statusCode());
        assertEquals("http://localhost:8082", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");

        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST"));
        assertEquals(403, refused.statusCode());
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> keys = get("/oauth2/jwks", Map.of("Origin", "https://theodoi.example.vn"));
        assertEquals("https://theodoi.example.vn", keys.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> login = get("/login", Map.of("Origin", "http://localhost:8082"));
        assertThat(login.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theLoginPageIsVietnameseWithItsCsrfTokenAndTheDemoAccounts() throws Exception {
        HttpResponse<String> page = get("/login", Map.of("Accept", "text/html"));
        assertEquals(200, page.statusCode());
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html").contains("UTF-8");
        assertThat(page.body()).contains("<html lang=\"vi\">", "Tên đăng nhập", "Mật khẩu", ">Đăng nhập</button>",
                "name=\"_csrf\"", "Mật khẩu chung: <code>caitien-demo</code>", "data-user=\"giamsat.mai.ldc\"",
                "<td>Thành viên tổ giám sát</td><td>Trường Tiểu học Lê Đình Chinh</td>",
                "<td>Kiểm định viên</td><td>Thành phố Hồ Chí Minh / Quận 1</td>");
        assertThat(page.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("CAITIEN_IDENTITY_SESSION="));

        assertThat(get("/nowhere-at-all", Map.of("Accept", "text/html")).headers().firstValue("Location").orElse(""))
                .endsWith("/login");
    }

    @Test
    void theDemoLoaderLogsEachActorInAsItsDemoAccount() throws Exception {
        var tokens = DemoLoader.demoLogins(URI.create(ISSUER));
        String mai = tokens.apply("Tổ giám sát - Nguyễn Thị Mai");
        assertEquals("giamsat.mai.ldc", SignedJWT.parse(mai).getJWTClaimsSet().getSubject());
        assertEquals(mai, tokens.apply("Tổ giám sát - Nguyễn Thị Mai"), "cached, not a second login");
        assertEquals("hieutruong.tuoihong", SignedJWT.parse(tokens.apply("Hiệu trưởng - Nguyễn Thị Diễm Kim"))
                .getJWTClaimsSet().getSubject());
    }

    @Test
    void theDemoRolesAreTheServicesRolesWithTheirLabels() {
        Set<Role> used = EnumSet.noneOf(Role.class);
        for (DemoUsers.User user : USERS.all()) {
            user.roles().forEach(r -> used.add(Role.valueOf(r)));
            assertEquals(LoginPage.roles(user), user.roleLabel(), user.username());
        }
        assertEquals(EnumSet.allOf(Role.class), used, "every role has a demo account");
        assertThat(Arrays.stream(Role.values()).map(Role::name)).allMatch(name -> USERS.all().stream()
                .anyMatch(u -> u.roles().contains(name)));
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration d) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(d.toSeconds(), java.time.temporal.ChronoUnit.SECONDS);
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path, Map.of("Accept", "application/json"));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ISSUER + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> texts(JsonNode array) {
        return array == null ? List.of() : java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
