package vn.caitien.planservice.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token the decoder accepted is taken again without the full check while it is fresh and unexpired;
 * anything else goes through the decoder (the real one checks signature, issuer and times; this one stands in
 * for it and records what it was asked).
 */
class VerifiedTokensTest {
    static final Instant T0 = Instant.parse("2024-01-15T01:00:00Z");

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = T0;

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }
    }

    /** Accepts "good-*" tokens valid for {@code lifetime} from when it is asked; refuses the rest. */
    static final class IssuerCheck implements JwtDecoder {
        final List<String> asked = new ArrayList<>();
        final MovingClock clock;
        final Duration lifetime;

        IssuerCheck(MovingClock clock, Duration lifetime) {
            this.clock = clock;
            this.lifetime = lifetime;
        }

        @Override
        public Jwt decode(String token) {
            asked.add(token);
            if (!token.startsWith("good-")) throw new BadJwtException("chữ ký không hợp lệ");
            return Jwt.withTokenValue(token).header("alg", "RS256").subject(token).issuedAt(clock.now)
                    .expiresAt(clock.now.plus(lifetime)).build();
        }
    }

    final MovingClock clock = new MovingClock();

    @Test
    void aFreshTokenIsCheckedOnceAndEachTokenOnItsOwn() {
        IssuerCheck issuer = new IssuerCheck(clock, Duration.ofHours(8));
        VerifiedTokens tokens = new VerifiedTokens(issuer, 16, clock);
        Jwt first = tokens.decode("good-mai");
        clock.now = T0.plusSeconds(60);
        assertThat(tokens.decode("good-mai")).isSameAs(first);
        assertThat(tokens.decode("good-lan").getSubject()).isEqualTo("good-lan");
        assertThat(issuer.asked).containsExactly("good-mai", "good-lan");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        IssuerCheck issuer = new IssuerCheck(clock, Duration.ofHours(8));
        VerifiedTokens tokens = new VerifiedTokens(issuer, 16, clock);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(issuer.asked).containsExactly("forged", "forged");
    }

    @Test
    void afterTheTrustPeriodTheTokenIsCheckedAgain() {
        IssuerCheck issuer = new IssuerCheck(clock, Duration.ofHours(8));
        VerifiedTokens tokens = new VerifiedTokens(issuer, 16, clock);
        tokens.decode("good-mai");
        clock.now = T0.plus(VerifiedTokens.TRUSTED_FOR).plusSeconds(1);
        tokens.decode("good-mai");
        assertThat(issuer.asked).containsExactly("good-mai", "good-mai");
    }

    @Test
    void aRememberedTokenThatHasExpiredGoesBackToTheFullCheck() {
        // Valid for 2 minutes; Spring's timestamp check allows 60 s of clock skew past exp.
        IssuerCheck issuer = new IssuerCheck(clock, Duration.ofMinutes(2));
        VerifiedTokens tokens = new VerifiedTokens(issuer, 16, clock);
        tokens.decode("good-mai");
        clock.now = T0.plus(Duration.ofMinutes(3)).plusSeconds(1);
        tokens.decode("good-mai");
        assertThat(issuer.asked).hasSize(2);
    }

    @Test
    void onlyTheMostRecentlyUsedTokensAreKept() {
        IssuerCheck issuer = new IssuerCheck(clock, Duration.ofHours(8));
        VerifiedTokens tokens = new VerifiedTokens(issuer, 2, clock);
        tokens.decode("good-a");
        tokens.decode("good-b");
        tokens.decode("good-a");
        tokens.decode("good-c"); // b leaves
        tokens.decode("good-a");
        tokens.decode("good-b");
        assertThat(issuer.asked).containsExactly("good-a", "good-b", "good-c", "good-b");
    }
}
