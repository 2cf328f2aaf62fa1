package vn.caitien.planservice;

import vn.caitien.access.Role;
import vn.caitien.infra.tokens.StandInIssuer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens for the people of the tests, signed by {@link TestStack#issuer()}: one method per role,
 * with the claims the identity server gives them (docs/security.md). Send as {@code Authorization}.
 */
public final class Tokens {
    /** Trường Tiểu học Lê Đình Chinh, under Thành phố Hồ Chí Minh / Quận 10. */
    public static final String LDC = "79000701";
    public static final List<String> LDC_UNIT = List.of("Thành phố Hồ Chí Minh", "Quận 10");
    /** Trường Mầm non Tuổi Hồng, under Thành phố Hồ Chí Minh / Quận 1 / Phường Cầu Ông Lãnh. */
    public static final String TUOI_HONG = "79000102";
    public static final List<String> TUOI_HONG_UNIT = List.of("Thành phố Hồ Chí Minh", "Quận 1", "Phường Cầu Ông Lãnh");

    private Tokens() {
    }

    /** The principal of a school; their account names the school's managing unit (Quận 10 for schools not named above). */
    public static String principal(String school) {
        return principal(school, TUOI_HONG.equals(school) ? TUOI_HONG_UNIT : LDC_UNIT);
    }

    /** The principal of a school under this managing unit (their account's {@code unit}; null: none). */
    public static String principal(String school, List<String> unit) {
        return bearer("ht-" + school, "Lưu Thuận Phong", "Hiệu trưởng", school, unit, List.of(), Role.PRINCIPAL);
    }

    public static String council(String school) {
        return bearer("hd-" + school, "Trần Văn Bình", "Thành viên hội đồng tự đánh giá", school, null, List.of(),
                Role.COUNCIL_MEMBER);
    }

    public static String monitor(String school) {
        return bearer("gs-" + school, "Nguyễn Thị Mai", "Tổ giám sát", school, null, List.of(), Role.MONITOR);
    }

    /** A teacher who leads the items whose "Chủ trì" names one of these labels. */
    public static String staff(String school, String... leads) {
        return bearer("gv-" + school, "Phạm Thị Lan", "Tổ trưởng chuyên môn", school, null, List.of(leads), Role.STAFF);
    }

    public static String officer(List<String> unit) {
        return bearer("cv-" + String.join("-", unit).hashCode(), "Lê Văn Hùng", "Chuyên viên Phòng Giáo dục", null, unit,
                List.of(), Role.OFFICER);
    }

    public static String auditor(List<String> unit) {
        return bearer("kd-" + String.join("-", unit).hashCode(), "Hoàng Thị Thu", "Kiểm định viên", null, unit, List.of(),
                Role.AUDITOR);
    }

    public static String admin() {
        return bearer("quan-tri", "Quản trị", "Quản trị hệ thống", null, null, List.of(), Role.ADMIN);
    }

    /** "Bearer <token>" for a user with these claims (unit null: no unit claim at all); signed once, valid an hour. */
    public static String bearer(String subject, String name, String title, String school, List<String> unit,
                                List<String> leads, Role... roles) {
        List<Object> key = Arrays.asList(subject, name, title, school, unit, leads, List.of(roles));
        return SIGNED.computeIfAbsent(key, k -> sign(subject, name, title, school, unit, leads, roles));
    }

    private static final Map<List<Object>, String> SIGNED = new ConcurrentHashMap<>();

    private static String sign(String subject, String name, String title, String school, List<String> unit,
                               List<String> leads, Role... roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", name);
        claims.put("title", title);
        claims.put("roles", Arrays.stream(roles).map(Role::name).toList());
        if (school != null) claims.put("school_code", school);
        if (unit != null) claims.put("unit", unit);
        if (!leads.isEmpty()) claims.put("leads", leads);
        return "Bearer " + issuer().token(subject, claims);
    }

    public static StandInIssuer issuer() {
        return TestStack.issuer();
    }
}
