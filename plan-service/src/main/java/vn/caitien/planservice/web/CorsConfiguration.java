package vn.caitien.planservice.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The monitoring web pages (served by monitoring-service) send their commands here from the
 * browser; only their origins may.
 */
@Configuration
public class CorsConfiguration implements WebMvcConfigurer {
    private final String[] origins;

    public CorsConfiguration(@Value("${caitien.web.allowed-origins:http://localhost:8082,http://127.0.0.1:8082}")
                             String[] origins) {
        this.origins = origins;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**").allowedOrigins(origins).allowedMethods("GET", "POST", "PUT", "DELETE")
                .allowedHeaders("Content-Type", CommandSender.USER_HEADER, CommandSender.CORRELATION_HEADER,
                        IdempotencyFilter.HEADER)
                .exposedHeaders("Location").maxAge(600);
    }
}
