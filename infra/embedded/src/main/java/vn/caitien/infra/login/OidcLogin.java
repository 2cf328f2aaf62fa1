package vn.caitien.infra.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs a user in to an OIDC issuer from a program, the way a browser would: the authorization-code
 * flow with PKCE (RFC 7636) for a public client, by default {@value #CLI_CLIENT_ID} with the loopback
 * redirect {@value #CLI_REDIRECT}. It reads the issuer's discovery document, opens the authorization
 * endpoint, fills in the login form it is sent to (hidden fields such as the CSRF token included,
 * cookies kept), reads the code from the redirect to the client's redirect URI without following it,
 * and exchanges the code and the PKCE verifier for tokens at the token endpoint.
 *
 * <p>It relies only on standards and on the login page being an HTML form with a password field posted
 * back to the issuer's own host, so it works with the embedded identity server and with Keycloak.
 * Plain java.net.http and Jackson: the command-line tools and the demo loader need nothing else.
 */
public final class OidcLogin {
    public static final String CLI_CLIENT_ID = "caitien-cli";
    public static final String CLI_REDIRECT = "http://127.0.0.1/callback";
    public static final String SCOPE = "openid profile";
    private static final int MAX_STEPS = 12;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the token endpoint answered; {@code expiresAt} from {@code expires_in} (or the token's own exp). */
    public record Token(String accessToken, String idToken, String scope, Instant expiresAt) {
        /** True when fewer than {@code margin} remain before the access token expires. */
        public boolean expiresWithin(Duration margin, Instant now) {
            return expiresAt == null || !now.plus(margin).isBefore(expiresAt);
        }
    }

    private OidcLogin() {
    }

    /** An access token for {@code username}, through the client {@value #CLI_CLIENT_ID}. */
    public static String accessToken(URI issuer, String username, String password) {
        return login(issuer, username, password).accessToken();
    }

    /** Tokens for {@code username}, through the client {@value #CLI_CLIENT_ID}. */
    public static Token login(URI issuer, String username, String password) {
        return login(issuer, CLI_CLIENT_ID, URI.create(CLI_REDIRECT), username, password);
    }

    /**
     * Tokens for {@code username} through any public client registered with PKCE and this redirect URI.
     *
     * @throws LoginException when the issuer cannot be reached, refuses the client or the credentials,
     *                        or answers something this flow does not expect; the message says which
     */
    public static Token login(URI issuer, String clientId, URI redirectUri, String username, String password) {
        if (username == null || username.isBlank()) throw new LoginException("Chưa cho biết tên đăng nhập");
        if (password == null) throw new LoginException("Chưa cho biết mật khẩu của tài khoản " + username);
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = issuer.toString().endsWith("/") ? issuer.toString().substring(0, issuer.toString().length() - 1)
                : issuer.toString();
        JsonNode discovery = discover(http, base);
        URI authorize = URI.create(required(discovery, "authorization_endpoint", base));
        URI tokenEndpoint = URI.create(required(discovery, "token_endpoint", base));

        String verifier = random();
        String state = random();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", SCOPE);
        query.put("state", state);
        query.put("nonce", random());
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        String code = authorize(http, URI.create(authorize + (authorize.getQuery() == null ? "?" : "&") + form(query)),
                redirectUri, state, username, password);

        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", redirectUri.toString());
        exchange.put("client_id", clientId);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> answer = send(http, HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange))), base);
        JsonNode body = parse(answer.body());
        if (answer.statusCode() != 200 || body == null || !body.hasNonNull("access_token")) {
            throw new LoginException("Máy chủ đăng nhập không đổi mã cấp quyền lấy access token (HTTP " + answer.statusCode()
                    + oauthError(body, answer.body()) + ")");
        }
        String accessToken = body.get("access_token").asText();
        Instant expiresAt = body.hasNonNull("expires_in") ? Instant.now().plusSeconds(body.get("expires_in").asLong())
                : expiry(accessToken).orElse(null);
        return new Token(accessToken, body.hasNonNull("id_token") ? body.get("id_token").asText() : null,
                body.hasNonNull("scope") ? body.get("scope").asText() : null, expiresAt);
    }

    private static final Pattern ALERT = Pattern.compile("<p class=\"error\" role=\"alert\">([^<]{1,300})</p>");

    /** Why the login form came back: the embedded server's alert (wrong password, too many attempts), else the usual reason. */
    private static String alert(String page) {
        Matcher alert = ALERT.matcher(page == null ? "" : page);
        return alert.find() ? alert.group(1).replace("&amp;", "&").strip() : "Tên đăng nhập hoặc mật khẩu không đúng";
    }

    /** Walks the redirects from the authorization request to the client's redirect URI, logging in once on the way. */
    private static String authorize(HttpClient http, URI start, URI redirectUri, String state, String username,
                                    String password) {
        HttpRequest.Builder next = HttpRequest.newBuilder(start).GET();
        boolean submitted = false;
        for (int step = 0; step < MAX_STEPS; step++) {
            HttpResponse<String> response = send(http, next.header("Accept", "text/html,application/xhtml+xml"), start.toString());
            URI at = response.request().uri();
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                URI location = at.resolve(response.headers().firstValue("Location")
                        .orElseThrow(() -> new LoginException("Máy chủ đăng nhập chuyển hướng mà không cho biết tới đâu (" + at + ")")));
                if (isRedirectUri(location, redirectUri)) return code(location, state);
                next = HttpRequest.newBuilder(location).GET();
                continue;
            }
            if (status != 200) {
                throw new LoginException("Máy chủ đăng nhập từ chối yêu cầu đăng nhập (HTTP " + status + " tại "
                        + at.getPath() + oauthError(parse(response.body()), response.body()) + ")");
            }
            Optional<HtmlForm> form = HtmlForm.loginForm(response.body());
            if (form.isEmpty()) {
                throw new LoginException("Trang " + at + " không có biểu mẫu đăng nhập (ô mật khẩu) như mong đợi");
            }
            if (submitted) throw new LoginException(alert(response.body()) + " (tài khoản " + username + ")");
            URI action = form.get().action(at);
            if (!action.getHost().equalsIgnoreCase(start.getHost())) {
                throw new LoginException("Biểu mẫu đăng nhập gửi mật khẩu tới máy khác (" + action.getHost()
                        + ") chứ không phải máy chủ đăng nhập (" + start.getHost() + "); không gửi");
            }
            next = HttpRequest.newBuilder(action)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(form.get().fill(username, password))));
            submitted = true;
        }
        throw new LoginException("Đăng nhập không xong sau " + MAX_STEPS + " lần chuyển hướng (" + start.getHost() + ")");
    }

    private static String code(URI location, String state) {
        Map<String, String> params = params(location.getRawQuery());
        if (params.containsKey("error")) {
            throw new LoginException("Máy chủ đăng nhập từ chối cấp quyền: " + params.get("error")
                    + (params.containsKey("error_description") ? " – " + params.get("error_description") : ""));
        }
        if (!state.equals(params.get("state"))) {
            throw new LoginException("Mã cấp quyền trả về kèm tham số state không khớp; bỏ qua để tránh giả mạo");
        }
        String code = params.get("code");
        if (code == null || code.isBlank()) throw new LoginException("Máy chủ đăng nhập chuyển về mà không kèm mã cấp quyền");
        return code;
    }

    /** Same scheme, host and path; a loopback redirect may come back on any port (RFC 8252 §7.3). */
    static boolean isRedirectUri(URI location, URI redirectUri) {
        if (location.getScheme() == null || location.getHost() == null) return false;
        boolean loopback = redirectUri.getHost().equals("127.0.0.1") || redirectUri.getHost().equals("[::1]");
        return location.getScheme().equalsIgnoreCase(redirectUri.getScheme())
                && location.getHost().equalsIgnoreCase(redirectUri.getHost())
                && (loopback || location.getPort() == redirectUri.getPort())
                && normalizedPath(location).equals(normalizedPath(redirectUri));
    }

    private static String normalizedPath(URI uri) {
        return uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    }

    private static JsonNode discover(HttpClient http, String issuer) {
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .header("Accept", "application/json").GET(), issuer);
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200 || body == null || !body.isObject()) {
            throw new LoginException("Máy chủ đăng nhập tại " + issuer + " không trả tài liệu cấu hình OpenID Connect (HTTP "
                    + response.statusCode() + " cho /.well-known/openid-configuration); địa chỉ issuer có đúng không?");
        }
        return body;
    }

    private static String required(JsonNode discovery, String field, String issuer) {
        String value = discovery.path(field).asText("");
        if (value.isBlank()) throw new LoginException("Tài liệu cấu hình của " + issuer + " thiếu " + field);
        return value;
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, String where) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LoginException("Không kết nối được máy chủ đăng nhập " + where + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); hệ thống đã chạy chưa? (./caitien up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginException("Bị ngắt khi đang đăng nhập", e);
        }
    }

    /** ": invalid_grant – description" from an OAuth error answer; the start of the text otherwise. */
    private static String oauthError(JsonNode body, String raw) {
        if (body != null && body.hasNonNull("error")) {
            return ": " + body.get("error").asText()
                    + (body.hasNonNull("error_description") ? " – " + body.get("error_description").asText() : "");
        }
        if (body != null && body.hasNonNull("message") && !body.get("message").asText().isBlank()) {
            return ": " + body.get("message").asText();
        }
        String text = raw == null ? "" : raw.replaceAll("(?is)<(head|script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        return text.isEmpty() ? "" : ": " + HtmlForm.unescape(text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The {@code exp} of a JWT access token, read without checking it (the services check it). */
    static Optional<Instant> expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) return Optional.empty();
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.hasNonNull("exp") ? Optional.of(Instant.ofEpochSecond(claims.get("exp").asLong())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> {
            if (out.length() > 0) out.append('&');
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null) return out;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.putIfAbsent(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
