package vn.caitien.identity;

import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import vn.caitien.access.Caller;
import vn.caitien.infra.login.DemoUsers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Puts who the user is into the tokens, as the services read it ({@link Caller#fromClaims}): the access
 * token is meant for the services too (its {@code aud} gets {@code caitien.identity.audience} beside the
 * client's id, which the services check) and gets {@value Caller#NAME}, {@value Caller#TITLE}, {@value Caller#ROLES}, {@value Caller#SCHOOL_CODE},
 * {@value Caller#UNIT} (absent: no unit; empty: nationwide) and {@value Caller#LEADS}; the ID token the
 * name and title, for the dashboard to greet the user. {@code sub} is the user name already.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {
    private final Accounts accounts;
    private final String audience;

    TokenClaims(Accounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.audience = properties.audience();
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
            List<String> audiences = new ArrayList<>();
            Object given = claims.get(JwtClaimNames.AUD); // the client's id
            if (given instanceof Collection<?> values) values.forEach(a -> audiences.add(String.valueOf(a)));
            else if (given != null) audiences.add(given.toString());
            if (!audiences.contains(audience)) audiences.add(audience);
            claims.put(JwtClaimNames.AUD, audiences);
            claims.put(Caller.ROLES, user.roles());
            if (user.schoolCode() != null) claims.put(Caller.SCHOOL_CODE, user.schoolCode());
            if (user.unit() != null) claims.put(Caller.UNIT, user.unit());
            if (!user.leads().isEmpty()) claims.put(Caller.LEADS, user.leads());
        });
    }
}
