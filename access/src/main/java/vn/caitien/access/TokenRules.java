package vn.caitien.access;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What every service asks of an access token beyond its signature, issuer and times (which Spring checks):
 * it must say when it was issued ({@code iat}, not in the future) and when it expires ({@code exp}), live no
 * longer than {@code caitien.tokens.max-lifetime} (12 h by default: a stolen token is worth a working day
 * at most), and be meant for Cải tiến: its {@code aud} must contain {@code caitien.tokens.audience}
 * ({@code caitien} by default). A refused token is a 401 like any other invalid one.
 *
 * <p>Each service imports this class into its security configuration ({@code @Import(TokenRules.class)});
 * Spring Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to the token decoder it configures.
 */
public class TokenRules implements OAuth2TokenValidator<Jwt> {
    /** The clock skew allowed for {@code iat}, as Spring allows for {@code exp} and {@code nbf}. */
    static final Duration SKEW = Duration.ofSeconds(60);

    private final String audience;
    private final Duration maxLifetime;
    private final Clock clock;

    @Autowired
    public TokenRules(@Value("${caitien.tokens.audience:caitien}") String audience,
                      @Value("${caitien.tokens.max-lifetime:12h}") Duration maxLifetime) {
        this(audience, maxLifetime, Clock.systemUTC());
    }

    public TokenRules(String audience, Duration maxLifetime, Clock clock) {
        if (audience == null || audience.isBlank()) throw new IllegalArgumentException("caitien.tokens.audience is required");
        if (maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("caitien.tokens.max-lifetime must be positive");
        }
        this.audience = audience.strip();
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<OAuth2Error> errors = new ArrayList<>();
        Instant issued = token.getIssuedAt();
        Instant expires = token.getExpiresAt();
        if (expires == null) errors.add(invalid("The token has no expiry (exp)"));
        if (issued == null) errors.add(invalid("The token does not say when it was issued (iat)"));
        if (issued != null && issued.isAfter(clock.instant().plus(SKEW))) errors.add(invalid("The token is issued in the future (iat)"));
        if (issued != null && expires != null && Duration.between(issued, expires).compareTo(maxLifetime) > 0) {
            errors.add(invalid("The token lives longer than " + maxLifetime + " (exp - iat)"));
        }
        List<String> audiences = token.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            errors.add(invalid("The token is not meant for audience " + audience + " (aud)"));
        }
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
