package vn.caitien.infra.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.caitien.infra.login.LoginException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The command-line tools log in before calling the services: credentials from the options or the
 * environment, the token sent as a bearer header, and a clear refusal without credentials, with wrong
 * ones, or when the service says no.
 */
class CliLoginTest {
    private HttpServer server;
    private String base;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> logins = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "[]";
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    private final CliLogin.Login login = (user, password) -> {
        logins.add(user + ":" + password);
        if (!password.equals("caitien-demo")) throw new LoginException("Tên đăng nhập hoặc mật khẩu không đúng (tài khoản " + user + ")");
        return "token-of-" + user;
    };

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private AuditCli audit(Map<String, String> env) {
        return new AuditCli(out, base, base, new CliLogin(login, env, null));
    }

    @Test
    void auditSendsTheTokenOfTheUserGivenInTheOptions() {
        assertEquals(0, audit(Map.of()).run(new String[] {"history", "p-1", "--user", "kiemdinh.q1", "--password", "caitien-demo"}));
        assertEquals(List.of("Bearer token-of-kiemdinh.q1"), authorizations);
        assertThat(printed()).contains("Lịch sử kế hoạch p-1 — 0 sự kiện");
    }

    @Test
    void credentialsComeFromTheEnvironmentAndOptionsWin() {
        Map<String, String> env = Map.of("CAITIEN_USER", "quantri", "CAITIEN_PASSWORD", "caitien-demo");
        assertEquals(0, audit(env).run(new String[] {"history", "p-1"}));
        assertEquals(0, audit(env).run(new String[] {"--user", "hieutruong.ldc", "history", "p-1", "--as-of", "2024-01-15T00:00:00+07:00"}));
        assertEquals(List.of("quantri:caitien-demo", "hieutruong.ldc:caitien-demo"), logins);
        assertEquals(List.of("Bearer token-of-quantri", "Bearer token-of-hieutruong.ldc"), authorizations);
    }

    @Test
    void withoutAUserNothingIsCalledAndTheMessageSaysHowToLogIn() {
        assertEquals(1, audit(Map.of()).run(new String[] {"verify", "p-1"}));
        assertThat(printed()).contains("✗ Cần đăng nhập: thêm --user <tên đăng nhập> (hoặc đặt biến môi trường CAITIEN_USER)");
        assertEquals(1, audit(Map.of("CAITIEN_USER", "quantri")).run(new String[] {"verify", "p-1"}));
        assertThat(printed()).contains("✗ Thiếu mật khẩu của quantri: thêm --password hoặc đặt biến môi trường CAITIEN_PASSWORD");
        assertThat(authorizations).isEmpty();
        assertThat(logins).isEmpty();
    }

    @Test
    void aWrongPasswordAndARefusalAreShown() {
        assertEquals(1, audit(Map.of()).run(new String[] {"history", "p-1", "--user", "quantri", "--password", "sai"}));
        assertThat(printed()).contains("✗ Tên đăng nhập hoặc mật khẩu không đúng (tài khoản quantri)");
        assertThat(authorizations).isEmpty();

        status = 403;
        body = "{\"title\":\"Không có quyền\",\"detail\":\"Chỉ kiểm định viên trong phạm vi được giao được xem lịch sử\"}";
        assertEquals(1, audit(Map.of()).run(new String[] {"history", "p-1", "--user", "phong.q10", "--password", "caitien-demo"}));
        assertThat(printed()).contains("✗ Chỉ kiểm định viên trong phạm vi được giao được xem lịch sử");
    }

    @Test
    void aMissingOptionValueIsAUsageMistake() {
        assertEquals(2, audit(Map.of()).run(new String[] {"history", "p-1", "--user"}));
        assertThat(printed()).contains("Cách dùng: ./caitien audit", "[--user <tên đăng nhập>] [--password <mật khẩu>]");
    }

    @Test
    void importLogsInAndSendsTheToken(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("kế hoạch.docx"), new byte[] {1, 2, 3});
        body = "{\"dryRun\":true,\"format\":\"docx\",\"plan\":{\"schoolName\":\"Trường Tiểu học Lê Đình Chinh\"},"
                + "\"items\":[],\"diagnostics\":[]}";
        ImportCli cli = new ImportCli(out, base, new CliLogin(login, Map.of("CAITIEN_PASSWORD", "caitien-demo"), null));
        assertEquals(0, cli.run(new String[] {file.toString(), "--dry-run", "--user", "hieutruong.ldc"}));
        assertEquals(List.of("Bearer token-of-hieutruong.ldc"), authorizations);
        assertThat(printed()).contains("XEM TRƯỚC, chưa lưu gì");

        ImportCli anonymous = new ImportCli(out, base, new CliLogin(login, Map.of(), null));
        assertEquals(1, anonymous.run(new String[] {file.toString(), "--dry-run"}));
        assertThat(printed()).contains("✗ Cần đăng nhập");
        assertEquals(1, authorizations.size());
    }

    @Test
    void tokenPrintsTheAccessTokenAloneAndErrorsElsewhere() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("CAITIEN_PASSWORD", "caitien-demo");
        assertEquals(0, new TokenCli(out, err, new CliLogin(login, env, null)).run(new String[] {"quantri"}));
        assertEquals("token-of-quantri\n", printed());
        assertEquals(1, new TokenCli(out, err, new CliLogin(login, env, null)).run(new String[] {"quantri", "--password", "sai"}));
        assertEquals(2, new TokenCli(out, err, new CliLogin(login, env, null)).run(new String[] {"a", "b"}));
        assertEquals("token-of-quantri\n", printed(), "nothing but the token on standard output");
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("✗ Tên đăng nhập hoặc mật khẩu không đúng (tài khoản quantri)",
                "Cách dùng: ./caitien token <tên đăng nhập>");
    }

    @Test
    void theIssuerComesFromTheEnvironment() {
        assertEquals("http://localhost:9000", CliLogin.issuer(Map.of()));
        assertEquals("http://localhost:9100", CliLogin.issuer(Map.of("CAITIEN_IDENTITY_PORT", "9100")));
        assertEquals("https://id.so-gddt.vn/realms/caitien",
                CliLogin.issuer(Map.of("CAITIEN_ISSUER_URI", "https://id.so-gddt.vn/realms/caitien", "CAITIEN_IDENTITY_PORT", "9100")));
    }
}
