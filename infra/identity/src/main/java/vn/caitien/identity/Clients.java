package vn.caitien.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The two applications people log in through, both public clients (they cannot keep a secret) that
 * must use PKCE with the authorization-code grant: the web dashboard ({@value #DASHBOARD}, its browser
 * code exchanges the code itself) and the command-line tools ({@value #CLI}, loopback redirect as in
 * RFC 8252). No consent page: they are the system's own applications.
 */
@Configuration(proxyBeanMethods = false)
class Clients {
    static final String DASHBOARD = "caitien-dashboard";
    static final String CLI = "caitien-cli";
    static final String CLI_REDIRECT = "http://127.0.0.1/callback";

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties) {
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenTtl())
                .authorizationCodeTimeToLive(Duration.ofMinutes(2))
                .build();
        RegisteredClient dashboard = publicClient(DASHBOARD, "Bảng theo dõi Cải tiến", tokens, client -> {
            for (String origin : properties.dashboardUrls()) {
                client.redirectUri(origin + "/callback.html").postLogoutRedirectUri(origin + "/");
            }
        });
        RegisteredClient cli = publicClient(CLI, "Công cụ dòng lệnh Cải tiến", tokens,
                client -> client.redirectUri(CLI_REDIRECT));
        return new InMemoryRegisteredClientRepository(dashboard, cli);
    }

    private static RegisteredClient publicClient(String id, String name, TokenSettings tokens,
                                                 Consumer<RegisteredClient.Builder> redirects) {
        RegisteredClient.Builder client = RegisteredClient.withId(id)
                .clientId(id)
                .clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens);
        redirects.accept(client);
        return client.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            String issuer = properties.issuer().strip();
            settings.issuer(issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer);
        }
        return settings.build();
    }
}
