package vn.caitien.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The embedded OIDC identity server of the Cải tiến stack: Spring Authorization Server with the demo
 * accounts, so {@code ./caitien demo} works with a real login. The services only need any OIDC issuer
 * whose access tokens carry the claims of docs/security.md; in production that is usually Keycloak.
 */
@SpringBootApplication
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityApplication {
    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }
}
