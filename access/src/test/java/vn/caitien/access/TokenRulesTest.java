package vn.caitien.access;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRulesTest {
    private static final Instant NOW = Instant.parse("2024-01-15T01:00:00Z");
    private final TokenRules rules = new TokenRules("caitien", Duration.ofHours(12), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenForTheAudienceIssuedNowForEightHoursPasses() {
        assertThat(errors(b -> b)).isEmpty();
        assertThat(errors(b -> b.audience(List.of("caitien-cli", "caitien")))).isEmpty();
        assertThat(errors(b -> b.issuedAt(NOW.plusSeconds(30)).expiresAt(NOW.plus(Duration.ofHours(12))))).isEmpty();
    }

    @Test
    void expiryAndIssueTimeAreRequiredAndTheLifetimeIsBounded() {
        assertThat(errors(b -> b.claims(c -> c.remove("exp")))).containsExactly("The token has no expiry (exp)");
        assertThat(errors(b -> b.claims(c -> c.remove("iat")))).containsExactly("The token does not say when it was issued (iat)");
        assertThat(errors(b -> b.expiresAt(NOW.plus(Duration.ofDays(3650)))))
                .containsExactly("The token lives longer than PT12H (exp - iat)");
        assertThat(errors(b -> b.issuedAt(NOW.plus(Duration.ofMinutes(5))).expiresAt(NOW.plus(Duration.ofHours(8)))))
                .containsExactly("The token is issued in the future (iat)");
    }

    @Test
    void theAudienceMustBeNamed() {
        assertThat(errors(b -> b.audience(List.of("another-system")))).containsExactly("The token is not meant for audience caitien (aud)");
        assertThat(errors(b -> b.claims(c -> c.remove("aud")))).containsExactly("The token is not meant for audience caitien (aud)");
    }

    @Test
    void theSettingsMustMakeSense() {
        assertThatThrownBy(() -> new TokenRules(" ", Duration.ofHours(1))).hasMessageContaining("audience");
        assertThatThrownBy(() -> new TokenRules("caitien", Duration.ZERO)).hasMessageContaining("max-lifetime");
    }

    private List<String> errors(UnaryOperator<Jwt.Builder> change) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("ht").audience(List.of("caitien"))
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(8)));
        return rules.validate(change.apply(builder).build()).getErrors().stream().map(OAuth2Error::getDescription).toList();
    }
}
