package vn.caitien.planservice.security;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import vn.caitien.access.Access;
import vn.caitien.access.Caller;
import vn.caitien.access.TokenRules;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * plan-service is an OAuth2 resource server: every request but health, metrics for Prometheus and the
 * API documents carries a JWT access token from the configured issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.*}). Stateless, no session, no CSRF (bearer tokens
 * are never sent by the browser on its own). CORS comes from {@code web.CorsConfiguration}, so a
 * preflight OPTIONS needs no token. What a user may do with a plan is decided per request by
 * {@link PlanGuard}, from the token's claims.
 */
@Configuration
@Import(TokenRules.class) // exp and iat required, lifetime bounded, audience checked (docs/security.md)
@SecurityScheme(name = SecurityConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Mã truy cập (access token) do máy chủ định danh cấp")
@OpenAPIDefinition(security = @SecurityRequirement(name = SecurityConfiguration.BEARER))
public class SecurityConfiguration {
    static final String BEARER = "maTruyCap";
    /** Distinct access tokens remembered as verified; about 2 kB each. */
    static final int REMEMBERED_TOKENS = 2048;


    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProblems problems) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/**", "/api/admin/**").access(SecurityConfiguration::administrator)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(Callers::authentication))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * No Micrometer observation around every security filter, authentication and authorization of every
     * request: they cost more than the request's own security checks, and nothing reads them. Requests are
     * still timed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The token decoder Spring Boot configures from {@code spring.security.oauth2.resourceserver.jwt.*}, with
     * the tokens it accepted remembered for a while ({@link VerifiedTokens}).
     */
    @Bean
    static BeanPostProcessor rememberVerifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)
                        ? new VerifiedTokens(decoder, REMEMBERED_TOKENS, Clock.systemUTC()) : bean;
            }
        };
    }

    /** Other actuator endpoints (metrics by name, info) and /api/admin/** are for administrators. */
    private static AuthorizationDecision administrator(Supplier<Authentication> authentication,
                                                       RequestAuthorizationContext context) {
        return new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
                && Access.canAdminister(Caller.fromClaims(token.getToken().getClaims())));
    }
}
