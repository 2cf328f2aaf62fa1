package vn.caitien.identity;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import vn.caitien.infra.login.DemoUsers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The parts that need no running server: the key file, a users file, the login page without demo accounts, settings. */
class IdentityPartsTest {
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void theSigningKeyIsKeptInItsFileOwnerOnlyAndReadBackOnTheNextStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("identity/signing-key.json");
        RSAKey first = SigningKey.key(file.toString());
        RSAKey again = SigningKey.key(file.toString());
        assertEquals(first.getKeyID(), again.getKeyID());
        assertEquals(first.toRSAPublicKey(), again.toRSAPublicKey());
        assertThat(again.isPrivate()).isTrue();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertNotEquals(first.getKeyID(), SigningKey.key(null).getKeyID(), "no file: a new key each start");

        Files.writeString(file, first.toPublicJWK().toJSONString());
        assertThatThrownBy(() -> SigningKey.key(file.toString())).hasMessageContaining("không chứa khóa bí mật RSA");
        Files.writeString(file, "{}");
        assertThatThrownBy(() -> SigningKey.key(file.toString())).hasMessageContaining("không phải một JWK RSA hợp lệ");
    }

    @Test
    void aUsersFileReplacesTheDemoAccountsWithItsOwnHashedPasswords(@TempDir Path dir) throws Exception {
        String hash = encoder.encode("mật-khẩu-riêng");
        Path file = Files.writeString(dir.resolve("users.json"), "{\"users\":[{\"username\":\"hieutruong.abc\","
                + "\"name\":\"Trần Văn A\",\"title\":\"Hiệu trưởng\",\"roles\":[\"PRINCIPAL\"],\"school_code\":\"79000999\","
                + "\"password\":\"" + hash + "\"}]}");
        Accounts accounts = Accounts.load(file.toString());
        assertEquals(List.of("hieutruong.abc"), accounts.all().stream().map(DemoUsers.User::username).toList());
        assertThat(encoder.matches("mật-khẩu-riêng", accounts.loadUserByUsername("hieutruong.abc").getPassword())).isTrue();
        assertThat(encoder.matches("caitien-demo", accounts.loadUserByUsername("hieutruong.abc").getPassword())).isFalse();
        assertThat(accounts.sharedPassword()).isNull();
        assertThatThrownBy(() -> accounts.loadUserByUsername("giamsat.mai.ldc")).isInstanceOf(UsernameNotFoundException.class);

        Accounts demo = Accounts.load("");
        assertThat(encoder.matches("caitien-demo", demo.loadUserByUsername("giamsat.mai.ldc").getPassword())).isTrue();
        assertThat(demo.loadUserByUsername("phong.q10").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OFFICER");
    }

    @Test
    void withoutDemoUsersTheLoginPageListsNoAccountAndNoPassword() {
        String page = LoginPage.render("/login", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t<1>"), "", List.of(), "caitien-demo");
        assertThat(page).contains("name=\"_csrf\" value=\"t&lt;1&gt;\"", "action=\"/login\"")
                .doesNotContain("caitien-demo", "Tài khoản mẫu", "giamsat");
    }

    @Test
    void dashboardUrlsAreOriginsAndTheTokenLifetimeIsPositive() {
        IdentityProperties p = new IdentityProperties("http://localhost:9000", List.of(" http://localhost:8082/ ", "",
                "https://theodoi.example.vn", "http://localhost:8082"), java.time.Duration.ofHours(8), true, null, null, null, null);
        assertEquals(List.of("http://localhost:8082", "https://theodoi.example.vn"), p.dashboardUrls());
        assertThatThrownBy(() -> new IdentityProperties(null, List.of("http://localhost:8082/callback.html"),
                java.time.Duration.ofHours(8), false, null, null, null, null)).hasMessageContaining("cần các origin");
        assertThatThrownBy(() -> new IdentityProperties(null, List.of(), java.time.Duration.ZERO, false, null, null, null, null))
                .hasMessageContaining("access-token-ttl phải dương");
    }

    @Test
    void errorsAreExplainedInVietnamese() {
        assertEquals("Yêu cầu đăng nhập không hợp lệ", ErrorPage.title(HttpStatus.BAD_REQUEST));
        assertThat(ErrorPage.explanation(HttpStatus.FORBIDDEN)).contains("Phiên đăng nhập có thể đã hết hạn");
        assertThat(ErrorPage.explanation(HttpStatus.SERVICE_UNAVAILABLE)).contains("HTTP 503");
    }
}
