package vn.caitien.infra.login;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Access tokens by user name, logged in on first use and again when fewer than {@link #MARGIN} remain,
 * so a long run (the demo, a load) logs each person in once instead of before every call.
 */
public final class TokenCache {
    /** A token closer than this to its expiry is replaced: a call started with it must not fail midway. */
    public static final Duration MARGIN = Duration.ofMinutes(5);

    /** How to log a user in. */
    @FunctionalInterface
    public interface Login {
        OidcLogin.Token login(String username);
    }

    private final Login login;
    private final Clock clock;
    private final Map<String, OidcLogin.Token> tokens = new ConcurrentHashMap<>();

    public TokenCache(Login login) {
        this(login, Clock.systemUTC());
    }

    public TokenCache(Login login, Clock clock) {
        this.login = login;
        this.clock = clock;
    }

    /** Logs in to {@code issuer} with {@link OidcLogin} as client caitien-cli, each user with {@code passwords.apply(username)}. */
    public static TokenCache forIssuer(URI issuer, Function<String, String> passwords) {
        return new TokenCache(username -> OidcLogin.login(issuer, username, passwords.apply(username)));
    }

    /** A valid access token for the user, from the cache or a new login. */
    public String accessToken(String username) {
        return tokens.compute(username, (user, held) ->
                held != null && !held.expiresWithin(MARGIN, clock.instant()) ? held : login.login(user)).accessToken();
    }

    /** Drops the user's token, e.g. after the service refused it. */
    public void forget(String username) {
        tokens.remove(username);
    }
}
