package vn.caitien.planservice.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configured {@link JwtDecoder} (signature against the issuer's published keys, issuer, times), with the
 * tokens it accepted recently remembered: a user sends the same access token with every request for hours,
 * and checking its RSA signature and converting the issuer's key each time costs more than the rest of the
 * request's security. A remembered token is only trusted again within {@link #TRUSTED_FOR} of its full check
 * (about the life of the issuer's key set in the decoder's own cache, so a key the issuer withdraws stops
 * counting here as soon as there), and its times ({@code exp}, {@code nbf}) are checked at every use. Tokens
 * are remembered by their SHA-256, never compared as text.
 */
final class VerifiedTokens implements JwtDecoder {
    static final Duration TRUSTED_FOR = Duration.ofMinutes(5);

    private record Verified(Jwt jwt, Instant at) {
    }

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> times;
    private final Clock clock;
    private final Map<String, Verified> recent;

    VerifiedTokens(JwtDecoder decoder, int capacity, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        this.times = timestamps;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String key = sha256(token);
        Instant now = clock.instant();
        Verified known;
        synchronized (recent) {
            known = recent.get(key);
        }
        if (known != null && known.at().plus(TRUSTED_FOR).isAfter(now) && !times.validate(known.jwt()).hasErrors()) {
            return known.jwt();
        }
        // Unknown, too old or expired: the full check, which also gives the exact reason for a refusal.
        Jwt jwt = decoder.decode(token);
        synchronized (recent) {
            recent.put(key, new Verified(jwt, now));
        }
        return jwt;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
