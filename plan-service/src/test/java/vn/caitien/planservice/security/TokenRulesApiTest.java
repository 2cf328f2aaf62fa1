package vn.caitien.planservice.security;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A correctly signed token from the right issuer is still refused (401 problem+json) when it never expires,
 * lives longer than the configured maximum, does not say when it was issued, or is not meant for Cải tiến.
 */
class TokenRulesApiTest extends ApiTestSupport {
    private static final Map<String, Object> PRINCIPAL = Map.of("name", "Lưu Thuận Phong", "title", "Hiệu trưởng",
            "roles", List.of("PRINCIPAL"), "school_code", Tokens.LDC, "unit", Tokens.LDC_UNIT);

    @LocalServerPort
    int port;

    @Test
    void tokensWithoutExpiryLivingForYearsOrForAnotherAudienceAre401() throws Exception {
        Api api = new Api(port);
        assertThat(api.get("/api/plans", bearer(b -> b)).status()).as("an ordinary token").isEqualTo(200);
        Instant now = Instant.now();
        Map<String, UnaryOperator<JWTClaimsSet.Builder>> refused = new LinkedHashMap<>();
        refused.put("no exp", b -> b.expirationTime(null));
        refused.put("exp ten years on", b -> b.issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofDays(3650)))));
        refused.put("13 h lifetime", b -> b.issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(13)))));
        refused.put("no iat", b -> b.issueTime(null));
        refused.put("iat tomorrow", b -> b.issueTime(Date.from(now.plus(Duration.ofDays(1))))
                .notBeforeTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)))));
        refused.put("another audience", b -> b.audience("another-system"));
        refused.put("no audience", b -> b.audience((String) null));
        for (var token : refused.entrySet()) {
            Api.Response r = api.get("/api/plans", bearer(token.getValue()));
            assertThat(r.status()).as(token.getKey()).isEqualTo(401);
            assertThat(r.isProblem()).as(token.getKey()).isTrue();
            assertThat(r.header("WWW-Authenticate")).as(token.getKey()).startsWith("Bearer error=\"invalid_token\"");
            assertThat(r.body().get("title").asText()).isEqualTo("Cần đăng nhập");
        }
        // Twelve hours is allowed (the identity server issues eight), and the service's audience among others.
        assertThat(api.get("/api/plans", bearer(b -> b.issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(12)))))).status()).isEqualTo(200);
        assertThat(api.get("/api/plans", bearer(b -> b.audience(List.of("caitien-dashboard", "caitien")))).status())
                .isEqualTo(200);
    }

    private static String bearer(UnaryOperator<JWTClaimsSet.Builder> change) {
        return "Bearer " + Tokens.issuer().token("ht-rules", PRINCIPAL, change);
    }
}
