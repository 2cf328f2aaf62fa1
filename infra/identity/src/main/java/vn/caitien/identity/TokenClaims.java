package vn.caitien.identity;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import vn.caitien.api.access.Caller;
import vn.caitien.infra.login.DemoUsers;

/**
 * Puts who the user is into the tokens, as the services read it ({@link Caller#fromClaims}): the access
 * token gets {@value Caller#NAME}, {@value Caller#TITLE}, {@value Caller#ROLES}, {@value Caller#SCHOOL_CODE},
 * {@value Caller#UNIT} (absent: no unit; empty: nationwide) and {@value Caller#LEADS}; the ID token the
 * name and title, for the dashboard to greet the user. {@code sub} is the user name already.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {
    private final Accounts accounts;

    TokenClaims(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        DemoUsers.User user = accounts.find(context.getPrincipal().getName()).orElse(null);
        if (user == null) return;
        boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean id = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!access && !id) return;
        context.getClaims().claims(claims -> {
            claims.put(Caller.NAME, user.name());
            if (user.title() != null) claims.put(Caller.TITLE, user.title());
            if (!access) return;
            claims.put(Caller.ROLES, user.roles());
            if (user.schoolCode() != null) claims.put(Caller.SCHOOL_CODE, user.schoolCode());
            if (user.unit() != null) claims.put(Caller.UNIT, user.unit());
            if (!user.leads().isEmpty()) claims.put(Caller.LEADS, user.leads());
        });
    }
}
