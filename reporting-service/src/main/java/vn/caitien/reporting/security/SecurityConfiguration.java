package vn.caitien.reporting.security;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import vn.caitien.access.Access;
import vn.caitien.access.TokenRules;

import java.util.List;

/**
 * reporting-service is an OAuth2 resource server: every read needs a valid bearer token from the
 * configured OIDC issuer; which plans and units it may read is decided per request by {@link PlanGuard}
 * (with {@link Access}). No sessions, no cookies, hence no CSRF. Health, Prometheus metrics and the
 * API description stay open: they hold no personal data.
 */
@Configuration
@Import(TokenRules.class) // exp and iat required, lifetime bounded, audience checked (docs/security.md)
@SecurityScheme(name = SecurityConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "Mã truy cập (access token) do máy chủ đăng nhập OIDC cấp")
@OpenAPIDefinition(security = @SecurityRequirement(name = SecurityConfiguration.BEARER))
public class SecurityConfiguration {
    static final String BEARER = "bearer";

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProblems problems) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(Customizer.withDefaults())
                // Preflight requests are answered by the CORS filter, before any token is asked for.
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/admin/**", "/actuator/**").access(administrators())
                        // Nothing writes a plan through reporting: refused before any controller.
                        .requestMatchers(HttpMethod.POST, "/api/**").denyAll()
                        .requestMatchers(HttpMethod.PUT, "/api/**").denyAll()
                        .requestMatchers(HttpMethod.PATCH, "/api/**").denyAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/**").denyAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(Callers::authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /** Maintenance (dead letters, metrics details): {@link Access#canAdminister}. */
    private static AuthorizationManager<RequestAuthorizationContext> administrators() {
        return (authentication, context) -> new AuthorizationDecision(Access.canAdminister(Callers.of(authentication.get())));
    }

    /**
     * The dashboard pages (served by monitoring-service) read reports from the browser with the
     * user's token; only their origins may, only to read.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(
            @Value("${caitien.web.allowed-origins:http://localhost:8082,http://127.0.0.1:8082}") String[] origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(origins));
        cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.OPTIONS.name()));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT));
        cors.setExposedHeaders(List.of(HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.WWW_AUTHENTICATE));
        cors.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
