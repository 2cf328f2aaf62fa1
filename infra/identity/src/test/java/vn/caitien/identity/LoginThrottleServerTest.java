package vn.caitien.identity;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.caitien.infra.login.LoginException;
import vn.caitien.infra.login.OidcLogin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login throttle over HTTP on a real port, as a user (or a script guessing passwords) meets it: the
 * limits as configured, the refusal in Vietnamese, the right password refused too while locked.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class LoginThrottleServerTest {

    private static final int PORT = freePort();
    private static final URI ISSUER = URI.create("http://localhost:" + PORT);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("caitien.identity.issuer", ISSUER::toString);
        registry.add("caitien.identity.login.max-failures", () -> "5");
        registry.add("caitien.identity.login.max-failures-per-address", () -> "25");
    }

    @Test
    void ofThirtyQuickGuessesFourAreCheckedThenTheAccountIsLockedEvenForTheRightPassword() {
        int wrong = 0;
        int locked = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            String message = refusal("giamsat.tuan.ldc", "doan-mat-khau-" + i);
            if (message.startsWith("Tên đăng nhập hoặc mật khẩu không đúng")) wrong++;
            if (message.startsWith("Đăng nhập sai quá nhiều lần")) locked++;
        }
        assertThat(wrong).isEqualTo(4);
        assertThat(locked).isEqualTo(26);
        assertThat(refusal("giamsat.tuan.ldc", "caitien-demo"))
                .isEqualTo("Đăng nhập sai quá nhiều lần nên tạm thời bị khoá; vui lòng thử lại sau 15 phút"
                        + " (tài khoản giamsat.tuan.ldc)");
        System.out.printf("30 lần đoán mật khẩu trong %d ms%n", (System.nanoTime() - started) / 1_000_000);
        // Another account from the same address still logs in: the address has 5 failures of 25.
        assertThat(OidcLogin.login(ISSUER, "giamsat.hang.ldc", "caitien-demo").accessToken()).isNotBlank();
    }

    private static String refusal(String user, String password) {
        Optional<String> message = Optional.empty();
        try {
            OidcLogin.login(ISSUER, user, password);
        } catch (LoginException e) {
            message = Optional.of(e.getMessage());
        }
        return message.orElseThrow(() -> new AssertionError("logged in with " + password));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
