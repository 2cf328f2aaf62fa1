package vn.caitien.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The authenticated user behind a request, read from the claims of a validated OIDC access token.
 * Any issuer works if it puts these claims in its access tokens (see docs/security.md):
 * {@value #SUBJECT}, {@value #NAME}, {@value #TITLE}, {@value #ROLES}, {@value #SCHOOL_CODE},
 * {@value #UNIT}, {@value #LEADS}.
 *
 * @param username    the token subject, stable identifier of the user
 * @param name        full name, e.g. "Nguyễn Thị Mai"
 * @param title       position, e.g. "Tổ giám sát" or "Hiệu trưởng"
 * @param roles       what the user may do (unknown names are dropped)
 * @param schoolCode  the school of a school's people (principal, council, monitor, staff)
 * @param unit        administrative path an officer or auditor answers for, from the top
 * @param leads       for staff: the labels of the "Chủ trì" column they answer for, e.g. "Tổ trưởng chuyên môn"
 */
public record Caller(String username, String name, String title, Set<Role> roles, String schoolCode,
                     List<String> unit, List<String> leads) {
    public static final String SUBJECT = "sub";
    public static final String NAME = "name";
    public static final String TITLE = "title";
    public static final String ROLES = "roles";
    public static final String SCHOOL_CODE = "school_code";
    public static final String UNIT = "unit";
    public static final String LEADS = "leads";

    public Caller {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        schoolCode = schoolCode == null || schoolCode.isBlank() ? null : schoolCode.strip();
        unit = unit == null ? null : List.copyOf(unit);
        leads = leads == null ? List.of() : List.copyOf(leads);
    }

    public static Caller fromClaims(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(claims.get(ROLES))) {
            for (Role known : Role.values()) {
                if (known.name().equalsIgnoreCase(role.strip())) roles.add(known);
            }
        }
        Object unit = claims.get(UNIT);
        return new Caller(text(claims.get(SUBJECT)), text(claims.get(NAME)), text(claims.get(TITLE)), roles,
                text(claims.get(SCHOOL_CODE)), unit == null ? null : strings(unit), strings(claims.get(LEADS)));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** How the user appears in history and on reports: "Tổ giám sát - Nguyễn Thị Mai". */
    public String actorLabel() {
        String who = name == null || name.isBlank() ? username : name;
        return title == null || title.isBlank() ? who : title + " - " + who;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A claim holding a list, or one string (some issuers flatten single-element lists). */
    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            for (Object v : values) if (v != null && !v.toString().isBlank()) out.add(v.toString().strip());
        } else if (value instanceof String s && !s.isBlank()) {
            for (String part : s.split("/")) if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }
}
