package vn.caitien.monitoring.security;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.caitien.api.access.Access;
import vn.caitien.api.access.Caller;
import vn.caitien.api.access.TokenRules;

import java.util.function.Supplier;

/**
 * monitoring-service as an OAuth2 resource server: every request carries a JWT access token from the
 * configured issuer, except the dashboard's static files, the catalogue data the pages need before
 * sign-in, the public disclosure (công khai), health/metrics scraping and the API documentation.
 * No session, no cookies, so no CSRF token either. Who may read which plan is decided by
 * {@link Access} in the controllers; here only "signed in" and "administrator" are checked.
 */
@Configuration
@Import(TokenRules.class) // exp and iat required, lifetime bounded, audience checked (docs/security.md)
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Mã truy cập (access token) của nhà cung cấp định danh OIDC")
public class SecurityConfiguration {
    /** The one path whose token may come as ?access_token= (EventSource cannot send headers). */
    static final RequestMatcher STREAM = path(HttpMethod.GET, "/api/stream");

    /** Open to everyone; a token sent along is ignored, so a stale one never breaks a public page. */
    static final RequestMatcher PUBLIC = new OrRequestMatcher(
            path(HttpMethod.GET, "/"), path(HttpMethod.GET, "/*.html"), path(HttpMethod.GET, "/js/**"),
            path(HttpMethod.GET, "/css/**"), path(HttpMethod.GET, "/favicon.ico"),
            path(HttpMethod.GET, "/api/config"), path(HttpMethod.GET, "/api/frameworks/**"),
            path(HttpMethod.GET, "/api/labels"),
            path(HttpMethod.GET, "/api/public/**"),
            path(HttpMethod.GET, "/actuator/prometheus"),
            path(HttpMethod.GET, "/v3/api-docs"), path(HttpMethod.GET, "/v3/api-docs/**"),
            path(HttpMethod.GET, "/swagger-ui.html"), path(HttpMethod.GET, "/swagger-ui/**"));

    /**
     * Open to everyone as a status (UP/DOWN); a token sent along is read, so an administrator also gets
     * the components and their details (management.endpoint.health.roles).
     */
    static final RequestMatcher HEALTH = new OrRequestMatcher(
            path(HttpMethod.GET, "/actuator/health"), path(HttpMethod.GET, "/actuator/health/**"));

    /** Maintenance: rebuild, dead letters, the detailed actuator endpoints. */
    static final RequestMatcher ADMINISTRATION = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/admin/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));

    static {
        // Controllers take the Caller as an argument; it is not a request parameter of the API.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems, JwtDecoder decoder) throws Exception {
        http
                .csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        // The request was authorized when it arrived; its async completion (the live
                        // stream) and error rendering are the same request.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC, HEALTH).permitAll()
                        .requestMatchers(ADMINISTRATION).access(administrators())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource
                        .bearerTokenResolver(bearerTokenResolver(decoder))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(Callers::authentication)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Authorization header everywhere; on the live stream also {@code ?access_token=}. On public paths
     * no token is read at all; on health only one the decoder accepts (an administrator's, for the details),
     * so a stale token still gets the status.
     */
    static BearerTokenResolver bearerTokenResolver(JwtDecoder decoder) {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
        headerOrQuery.setAllowUriQueryParameter(true);
        return request -> {
            if (PUBLIC.matches(request)) return null;
            if (HEALTH.matches(request)) return acceptedOrNull(decoder, () -> header.resolve(request));
            return STREAM.matches(request) ? headerOrQuery.resolve(request) : header.resolve(request);
        };
    }

    private static String acceptedOrNull(JwtDecoder decoder, Supplier<String> resolve) {
        try {
            String token = resolve.get();
            if (token != null) decoder.decode(token);
            return token;
        } catch (RuntimeException notAccepted) {
            return null;
        }
    }

    private static AuthorizationManager<RequestAuthorizationContext> administrators() {
        return (authentication, context) -> new AuthorizationDecision(
                Callers.of(authentication.get()).map(Access::canAdminister).orElse(false));
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    static boolean isAdministration(HttpServletRequest request) {
        return ADMINISTRATION.matches(request);
    }
}
