package vn.caitien.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code caitien.identity.*}.
 *
 * @param issuer         the {@code iss} of every token and the base of every endpoint, e.g.
 *                       http://localhost:9000; blank: taken from each request (tests only — services
 *                       check {@code iss} against one fixed value)
 * @param dashboardUrls  origins of the web dashboards (client caitien-dashboard): each gets the redirect
 *                       {@code <origin>/callback.html}, the post-logout redirect {@code <origin>/} and CORS
 *                       on the token, keys and user-info endpoints
 * @param accessTokenTtl how long an access token is valid (a school's working day by default)
 * @param showDemoUsers  list the demo accounts and their password on the login page (the embedded stack)
 * @param usersFile      a users file of the demo-users.json shape instead of the bundled demo accounts
 * @param keyFile        where the RSA signing key is kept (created on first start), so tokens survive a
 *                       restart; blank: a new key on every start
 * @param audience       added to the {@code aud} of every access token: the services accept only tokens
 *                       meant for it (their {@code caitien.tokens.audience})
 * @param login          how many wrong passwords are tolerated before logins are refused for a while
 */
@ConfigurationProperties("caitien.identity")
public record IdentityProperties(
        String issuer,
        @DefaultValue("http://localhost:8082") List<String> dashboardUrls,
        @DefaultValue("8h") Duration accessTokenTtl,
        @DefaultValue("false") boolean showDemoUsers,
        String usersFile,
        String keyFile,
        @DefaultValue("caitien") String audience,
        @DefaultValue LoginLimits login) {

    public IdentityProperties {
        dashboardUrls = dashboardUrls == null ? List.of() : dashboardUrls.stream()
                .map(String::strip).filter(s -> !s.isEmpty()).map(IdentityProperties::origin).distinct().toList();
        if (accessTokenTtl == null || accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
            throw new IllegalArgumentException("caitien.identity.access-token-ttl phải dương, nhận được " + accessTokenTtl);
        }
        audience = audience == null || audience.isBlank() ? "caitien" : audience.strip();
        login = login == null ? LoginLimits.DEFAULT : login;
    }

    /**
     * {@code caitien.identity.login.*}: after {@code maxFailures} wrong passwords for one account, or
     * {@code maxFailuresPerAddress} from one client address, within {@code window}, every login attempt for
     * that account (from that address) is refused without checking the password for {@code lockFor}.
     * A successful login clears the account's count.
     */
    public record LoginLimits(@DefaultValue("5") int maxFailures, @DefaultValue("30") int maxFailuresPerAddress,
                              @DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockFor) {
        static final LoginLimits DEFAULT = new LoginLimits(5, 30, Duration.ofMinutes(15), Duration.ofMinutes(15));

        public LoginLimits {
            if (maxFailures < 1 || maxFailuresPerAddress < 1 || window == null || window.isNegative() || window.isZero()
                    || lockFor == null || lockFor.isNegative() || lockFor.isZero()) {
                throw new IllegalArgumentException("caitien.identity.login.*: số lần sai phải ≥ 1, thời gian phải dương");
            }
        }
    }

    /** "http://localhost:8082/" → "http://localhost:8082": an origin is scheme, host and port only. */
    static String origin(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty()
                && !uri.getPath().equals("/"))) {
            throw new IllegalArgumentException("caitien.identity.dashboard-urls cần các origin dạng http://máy:cổng, nhận được '"
                    + url + "'");
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
