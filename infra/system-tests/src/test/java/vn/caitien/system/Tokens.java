package vn.caitien.system;

import vn.caitien.infra.tokens.StandInIssuer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Access tokens of the people who drive the isolated systems, signed by the test's stand-in issuer:
 * the principal and the monitoring team of Trường Tiểu học Lê Đình Chinh (school code 79000701),
 * and an administrator for reads across plans and admin endpoints. Tokens are minted again before
 * they expire, so long drills keep working.
 */
final class Tokens {
    static final String SCHOOL_CODE = "79000701";
    static final String SCHOOL_NAME = "Trường Tiểu học Lê Đình Chinh";
    static final List<String> UNIT = List.of("Thành phố Hồ Chí Minh", "Quận 10");
    private static final Duration REFRESH = Duration.ofMinutes(30);

    private final StandInIssuer issuer;
    private final Minted principal;
    private final Minted monitor;
    private final Minted admin;

    Tokens(StandInIssuer issuer) {
        this.issuer = issuer;
        this.principal = new Minted("phong.lt", Map.of("name", "Lưu Thuận Phong", "title", "Hiệu trưởng",
                "roles", List.of("PRINCIPAL"), "school_code", SCHOOL_CODE, "unit", UNIT));
        this.monitor = new Minted("mai.nt", Map.of("name", "Nguyễn Thị Mai", "title", "Tổ giám sát",
                "roles", List.of("MONITOR"), "school_code", SCHOOL_CODE));
        this.admin = new Minted("quantri", Map.of("name", "Quản trị hệ thống", "title", "Quản trị viên",
                "roles", List.of("ADMIN")));
    }

    /** Creates, edits items and approves. */
    String principal() { return principal.get(); }

    /** Records progress and submits reports. */
    String monitor() { return monitor.get(); }

    /** Reads every plan; rebuilds and dead letters. */
    String admin() { return admin.get(); }

    private final class Minted {
        private final String subject;
        private final Map<String, Object> claims;
        private String token;
        private long mintedAt;

        Minted(String subject, Map<String, Object> claims) {
            this.subject = subject;
            this.claims = claims;
        }

        synchronized String get() {
            if (token == null || System.nanoTime() - mintedAt > REFRESH.toNanos()) {
                token = issuer.token(subject, claims);
                mintedAt = System.nanoTime();
            }
            return token;
        }
    }
}
