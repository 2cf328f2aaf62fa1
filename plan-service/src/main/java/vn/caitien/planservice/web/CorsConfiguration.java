package vn.caitien.planservice.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The monitoring web pages (served by monitoring-service) send their commands here from the
 * browser; only their origins may. Spring Security's CORS filter uses these mappings too, so a
 * preflight OPTIONS is answered before any token is asked for.
 */
@Configuration
public class CorsConfiguration implements WebMvcConfigurer {
    /** Pages not yet updated still send it; it is allowed through CORS and ignored (the actor comes from the token). */
    private static final String LEGACY_USER_HEADER = "X-User";
    private final String[] origins;

    public CorsConfiguration(@Value("${caitien.web.allowed-origins:http://localhost:8082,http://127.0.0.1:8082}")
                             String[] origins) {
        this.origins = origins;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**").allowedOrigins(origins).allowedMethods("GET", "POST", "PUT", "DELETE")
                .allowedHeaders("Content-Type", HttpHeaders.AUTHORIZATION, CommandSender.CORRELATION_HEADER,
                        IdempotencyFilter.HEADER, IfMatch.HEADER, LEGACY_USER_HEADER)
                .exposedHeaders(HttpHeaders.LOCATION, HttpHeaders.ETAG).maxAge(600);
    }
}
