package vn.caitien.infra.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OidcLogin} against a small scripted issuer that behaves as the real ones do where the client
 * depends on it: discovery, a session cookie, a login form with a CSRF field, the redirect back with
 * code and state, and a token endpoint that checks the PKCE verifier. The embedded identity server's
 * own tests run the same client against Spring Authorization Server.
 */
class OidcLoginTest {
    private HttpServer server;
    private String base;
    private final Map<String, String> sessions = new ConcurrentHashMap<>(); // session id → pending authorize URL
    private final Map<String, String> challenges = new ConcurrentHashMap<>(); // code → PKCE challenge
    private volatile String formAction = "/login";
    private volatile String authorizeError;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", ex -> send(ex, 200, "application/json",
                "{\"issuer\":\"" + base + "\",\"authorization_endpoint\":\"" + base + "/oauth2/authorize\","
                        + "\"token_endpoint\":\"" + base + "/oauth2/token\"}"));
        server.createContext("/oauth2/authorize", this::authorize);
        server.createContext("/login", this::login);
        server.createContext("/oauth2/token", this::token);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theCodeFlowWithPkceGivesTheTokens() {
        OidcLogin.Token token = OidcLogin.login(URI.create(base), "giamsat.mai.ldc", "caitien-demo");

        assertEquals("access-for-giamsat.mai.ldc", token.accessToken());
        assertEquals("id-token", token.idToken());
        assertEquals("openid profile", token.scope());
        assertThat(token.expiresAt()).isBetween(Instant.now().plusSeconds(28_700), Instant.now().plusSeconds(28_801));
        assertEquals("access-for-quantri", OidcLogin.accessToken(URI.create(base + "/"), "quantri", "caitien-demo"));
    }

    @Test
    void aWrongPasswordIsSaidSo() {
        assertThatThrownBy(() -> OidcLogin.login(URI.create(base), "giamsat.mai.ldc", "sai"))
                .isInstanceOf(LoginException.class)
                .hasMessage("Tên đăng nhập hoặc mật khẩu không đúng (tài khoản giamsat.mai.ldc)");
    }

    @Test
    void anErrorRedirectFromTheIssuerIsShown() {
        authorizeError = "unauthorized_client";
        assertThatThrownBy(() -> OidcLogin.login(URI.create(base), "quantri", "caitien-demo"))
                .hasMessage("Máy chủ đăng nhập từ chối cấp quyền: unauthorized_client – Client not allowed");
    }

    @Test
    void aFormPostingToAnotherHostGetsNoPassword() {
        formAction = "http://localhost:1/steal";
        assertThatThrownBy(() -> OidcLogin.login(URI.create(base), "quantri", "caitien-demo"))
                .hasMessageContaining("Biểu mẫu đăng nhập gửi mật khẩu tới máy khác (localhost)");
    }

    @Test
    void anUnreachableIssuerIsNamed() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> OidcLogin.login(URI.create("http://127.0.0.1:" + closed), "quantri", "x"))
                .isInstanceOf(LoginException.class)
                .hasMessageContaining("Không kết nối được máy chủ đăng nhập http://127.0.0.1:" + closed)
                .hasMessageContaining("./caitien up");
    }

    @Test
    void somethingThatIsNotAnIssuerIsNamed() {
        assertThatThrownBy(() -> OidcLogin.login(URI.create(base + "/nothing"), "quantri", "x"))
                .hasMessageContaining("không trả tài liệu cấu hình OpenID Connect (HTTP 404");
        assertThatThrownBy(() -> OidcLogin.login(URI.create(base), " ", "x")).hasMessage("Chưa cho biết tên đăng nhập");
    }

    @Test
    void pkceChallengeIsTheRfc7636Example() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                OidcLogin.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void aLoopbackRedirectMayComeBackOnAnyPortOtherRedirectsMustMatch() {
        URI cli = URI.create(OidcLogin.CLI_REDIRECT);
        assertTrue(OidcLogin.isRedirectUri(URI.create("http://127.0.0.1:53000/callback?code=x"), cli));
        assertTrue(OidcLogin.isRedirectUri(URI.create("http://127.0.0.1/callback?code=x"), cli));
        assertFalse(OidcLogin.isRedirectUri(URI.create("http://127.0.0.1/login"), cli));
        assertFalse(OidcLogin.isRedirectUri(URI.create("http://localhost/callback"), cli));
        URI dashboard = URI.create("http://localhost:8082/callback.html");
        assertTrue(OidcLogin.isRedirectUri(URI.create("http://localhost:8082/callback.html?code=x&state=y"), dashboard));
        assertFalse(OidcLogin.isRedirectUri(URI.create("http://localhost:8083/callback.html?code=x"), dashboard));
    }

    @Test
    void aKeycloakLoginFormIsFilledLikeABrowserWould() {
        String page = "<html><body><form id=\"kc-form-login\" onsubmit=\"login.disabled = true; return true;\" "
                + "action=\"http://kc:8080/realms/caitien/login-actions/authenticate?session_code=a&amp;execution=b&amp;"
                + "client_id=caitien-cli&amp;tab_id=c\" method=\"post\">"
                + "<input tabindex=\"1\" id=\"username\" class=\"pf-c-form-control\" name=\"username\" value=\"\" type=\"text\" autofocus>"
                + "<input tabindex=\"2\" id=\"password\" class=\"pf-c-form-control\" name=\"password\" type=\"password\">"
                + "<input type=\"checkbox\" name=\"rememberMe\">"
                + "<input type=\"hidden\" id=\"id-hidden-input\" name=\"credentialId\"/>"
                + "<input tabindex=\"4\" name=\"login\" id=\"kc-login\" type=\"submit\" value=\"Sign In\"/></form></body></html>";
        HtmlForm form = HtmlForm.loginForm(page).orElseThrow();
        assertEquals(URI.create("http://kc:8080/realms/caitien/login-actions/authenticate?session_code=a&execution=b"
                + "&client_id=caitien-cli&tab_id=c"), form.action(URI.create("http://kc:8080/realms/caitien/protocol/openid-connect/auth")));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("username", "mai");
        expected.put("password", "pw");
        expected.put("credentialId", "");
        expected.put("login", "Sign In");
        assertEquals(expected, form.fill("mai", "pw"));
        assertEquals("Tên & \"mật\" <khẩu> é", HtmlForm.unescape("Tên &amp; &quot;mật&quot; &lt;khẩu&gt; &#233;"));
        assertThat(HtmlForm.loginForm("<form action=\"/search\"><input name=\"q\"></form>")).isEmpty();
    }

    @Test
    void theCacheLogsInOncePerUserUntilTheTokenNearlyExpires() {
        Map<String, Integer> logins = new ConcurrentHashMap<>();
        Instant[] now = {Instant.parse("2024-01-15T00:00:00Z")};
        java.time.Clock clock = new java.time.Clock() {
            public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now[0]; }
        };
        TokenCache cache = new TokenCache(user -> {
            int n = logins.merge(user, 1, Integer::sum);
            return new OidcLogin.Token(user + "-" + n, null, null, now[0].plus(Duration.ofHours(8)));
        }, clock);

        assertEquals("mai-1", cache.accessToken("mai"));
        assertEquals("mai-1", cache.accessToken("mai"));
        assertEquals("lan-1", cache.accessToken("lan"));
        now[0] = now[0].plus(Duration.ofHours(7).plusMinutes(54));
        assertEquals("mai-1", cache.accessToken("mai"), "6 minutes left");
        now[0] = now[0].plus(Duration.ofMinutes(2));
        assertEquals("mai-2", cache.accessToken("mai"), "4 minutes left: a new login");
        cache.forget("lan");
        assertEquals("lan-2", cache.accessToken("lan"));
    }

    // --- the scripted issuer -------------------------------------------------------------------------

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = params(ex.getRequestURI().getRawQuery());
        String session = cookie(ex);
        if (session == null || !sessions.containsKey(session) || !"done".equals(sessions.get(session))) {
            session = UUID.randomUUID().toString();
            sessions.put(session, ex.getRequestURI().toString());
            ex.getResponseHeaders().add("Set-Cookie", "SESSION=" + session + "; Path=/; HttpOnly");
            redirect(ex, base + "/login");
            return;
        }
        if (authorizeError != null) {
            redirect(ex, q.get("redirect_uri") + "?error=" + authorizeError + "&error_description=Client+not+allowed&state="
                    + q.get("state"));
            return;
        }
        assertEquals("caitien-cli", q.get("client_id"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals("openid profile", q.get("scope"));
        String code = "code-" + UUID.randomUUID();
        challenges.put(code, q.get("code_challenge") + " " + sessions.get(session + ":user"));
        redirect(ex, q.get("redirect_uri") + "?code=" + code + "&state=" + q.get("state"));
    }

    private void login(HttpExchange ex) throws IOException {
        String session = cookie(ex);
        if (ex.getRequestMethod().equals("GET")) {
            send(ex, 200, "text/html; charset=utf-8", "<html><form method=\"post\" action=\"" + formAction + "\">"
                    + "<input type=\"text\" name=\"username\"><input type=\"password\" name=\"password\">"
                    + "<input type=\"hidden\" name=\"_csrf\" value=\"csrf-" + session + "\"></form></html>");
            return;
        }
        Map<String, String> form = params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (session == null || !("csrf-" + session).equals(form.get("_csrf"))) {
            send(ex, 403, "text/plain", "CSRF");
            return;
        }
        if (!"caitien-demo".equals(form.get("password"))) {
            redirect(ex, base + "/login?error");
            return;
        }
        String pending = sessions.put(session, "done");
        sessions.put(session + ":user", form.get("username"));
        redirect(ex, pending);
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> form = params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] expected = challenges.remove(form.get("code")).split(" ");
        if (!expected[0].equals(OidcLogin.challenge(form.get("code_verifier")))
                || !OidcLogin.CLI_REDIRECT.equals(form.get("redirect_uri"))) {
            send(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        send(ex, 200, "application/json", "{\"access_token\":\"access-for-" + expected[1] + "\",\"id_token\":\"id-token\","
                + "\"scope\":\"openid profile\",\"token_type\":\"Bearer\",\"expires_in\":28799}");
    }

    private static String cookie(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Cookie");
        if (header == null) return null;
        for (String part : header.split(";")) {
            if (part.strip().startsWith("SESSION=")) return part.strip().substring(8);
        }
        return null;
    }

    private static Map<String, String> params(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
