package vn.caitien.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Two filter chains: the OAuth2/OIDC endpoints of Spring Authorization Server (an unauthenticated
 * browser is sent to the login page), and the login page itself with its session and CSRF token.
 * CORS lets the dashboards' browser code call the token, key and user-info endpoints; nothing else is
 * reachable cross-origin.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    /** Endpoints the dashboard's JavaScript calls with fetch. */
    static final List<String> CORS_PATHS = List.of("/oauth2/token", "/oauth2/jwks", "/oauth2/revoke", "/userinfo",
            "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server");

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .cors(Customizer.withDefaults())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /**
     * The login form. Wrong passwords are counted ({@link LoginThrottle}): past the limit a login attempt is
     * refused before its password is checked, and the page says for how long.
     */
    @Bean
    @Order(2)
    SecurityFilterChain loginFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler succeeded = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws ServletException, IOException {
                throttle.succeeded(authentication.getName());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new OncePerRequestFilter() {
                    @Override
                    protected boolean shouldNotFilter(HttpServletRequest request) {
                        return !"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath());
                    }

                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        Optional<Duration> locked = throttle.lockedFor(request.getParameter("username"), request.getRemoteAddr());
                        if (locked.isPresent()) response.sendRedirect(lockedPage(request, locked.get()));
                        else chain.doFilter(request, response);
                    }
                }, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").successHandler(succeeded).failureHandler((request, response, e) -> {
                    throttle.failed(request.getParameter("username"), request.getRemoteAddr());
                    Optional<Duration> locked = throttle.lockedFor(request.getParameter("username"), request.getRemoteAddr());
                    response.sendRedirect(locked.isPresent() ? lockedPage(request, locked.get())
                            : request.getContextPath() + "/login?error");
                }))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /** The login page saying how many minutes are left before the next attempt (rounded up). */
    private static String lockedPage(HttpServletRequest request, Duration left) {
        return request.getContextPath() + "/login?locked=" + Math.max(1, (left.toSeconds() + 59) / 60);
    }

    @Bean
    LoginThrottle loginThrottle(IdentityProperties properties) {
        return new LoginThrottle(properties.login(), Clock.systemUTC());
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(IdentityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.dashboardUrls());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        CORS_PATHS.forEach(path -> source.registerCorsConfiguration(path, cors));
        return source;
    }

    @Bean
    Accounts accounts(IdentityProperties properties) {
        return Accounts.load(properties.usersFile());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
