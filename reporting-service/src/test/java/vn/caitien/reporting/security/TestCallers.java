package vn.caitien.reporting.security;

import vn.caitien.reporting.TestStack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static vn.caitien.reporting.security.TestPlans.LDC_CODE;
import static vn.caitien.reporting.security.TestPlans.TUOI_HONG_CODE;

/**
 * The people of the matrix, each with what the rules of issue 6 say they may do, written out by hand
 * (not computed by the policy under test): which of the two plans they read and audit, which units
 * they oversee, and whether they administer.
 */
final class TestCallers {
    static final String LDC = "LDC";
    static final String TH = "TH";
    static final String HCM = "Thành phố Hồ Chí Minh";
    static final String Q10 = HCM + "/Quận 10";
    static final String Q1 = HCM + "/Quận 1";
    static final String HANOI = "Thành phố Hà Nội";
    /** Units asked for on the submission tracker; "" = the caller's own unit. */
    static final List<String> UNITS = List.of("", HCM, Q10, Q1, HANOI);

    /**
     * @param oversees    units among {@link #UNITS} whose tracker the caller may open
     * @param defaultUnit the unit the tracker shows without ?unit= (null: refused)
     */
    record Who(String name, Map<String, Object> claims, Set<String> reads, Set<String> audits, Set<String> oversees,
               String defaultUnit, boolean admin) {
        String token() {
            return TestStack.issuer().token(name, claims);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private TestCallers() {
    }

    static List<Who> all() {
        return List.of(
                school("hieu-truong-ldc", "PRINCIPAL", LDC_CODE, Set.of(LDC), Set.of(LDC)),
                school("hoi-dong-ldc", "COUNCIL_MEMBER", LDC_CODE, Set.of(LDC), Set.of()),
                school("giam-sat-ldc", "MONITOR", LDC_CODE, Set.of(LDC), Set.of()),
                school("giao-vien-ldc", "STAFF", LDC_CODE, Set.of(LDC), Set.of()),
                school("hieu-truong-tuoi-hong", "PRINCIPAL", TUOI_HONG_CODE, Set.of(TH), Set.of(TH)),
                school("hoi-dong-tuoi-hong", "COUNCIL_MEMBER", TUOI_HONG_CODE, Set.of(TH), Set.of()),
                school("giam-sat-tuoi-hong", "MONITOR", TUOI_HONG_CODE, Set.of(TH), Set.of()),
                school("giao-vien-tuoi-hong", "STAFF", TUOI_HONG_CODE, Set.of(TH), Set.of()),
                office("chuyen-vien-quan-10", "OFFICER", List.of(HCM, "Quận 10"), Set.of(LDC), Set.of(),
                        Set.of(Q10), Q10),
                office("chuyen-vien-quan-1", "OFFICER", List.of(HCM, "Quận 1"), Set.of(TH), Set.of(), Set.of(Q1), Q1),
                office("chuyen-vien-so", "OFFICER", List.of(HCM), Set.of(LDC, TH), Set.of(),
                        Set.of(HCM, Q10, Q1), HCM),
                office("chuyen-vien-bo", "OFFICER", List.of(), Set.of(LDC, TH), Set.of(),
                        Set.of(HCM, Q10, Q1, HANOI), ""),
                office("chuyen-vien-chua-giao", "OFFICER", null, Set.of(), Set.of(), Set.of(), null),
                office("kiem-dinh-quan-10", "AUDITOR", List.of(HCM, "Quận 10"), Set.of(LDC), Set.of(LDC),
                        Set.of(Q10), Q10),
                office("kiem-dinh-quan-1", "AUDITOR", List.of(HCM, "Quận 1"), Set.of(TH), Set.of(TH), Set.of(Q1), Q1),
                new Who("quan-tri", claims("Quản trị hệ thống", List.of("ADMIN"), null, null),
                        Set.of(LDC, TH), Set.of(LDC, TH), Set.of(HCM, Q10, Q1, HANOI), "", true),
                new Who("khong-vai-tro", claims("Khách", List.of(), null, null),
                        Set.of(), Set.of(), Set.of(), null, false));
    }

    private static Who school(String name, String role, String code, Set<String> reads, Set<String> audits) {
        Map<String, Object> claims = claims(title(role), List.of(role), code, null);
        if (role.equals("STAFF")) claims.put("leads", List.of("Tổ trưởng chuyên môn"));
        return new Who(name, claims, reads, audits, Set.of(), null, false);
    }

    private static Who office(String name, String role, List<String> unit, Set<String> reads, Set<String> audits,
                              Set<String> oversees, String defaultUnit) {
        return new Who(name, claims(title(role), List.of(role), null, unit), reads, audits, oversees, defaultUnit, false);
    }

    private static Map<String, Object> claims(String title, List<String> roles, String school, List<String> unit) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", "Nguyễn Văn An");
        claims.put("title", title);
        claims.put("roles", roles);
        if (school != null) claims.put("school_code", school);
        if (unit != null) claims.put("unit", unit);
        return claims;
    }

    private static String title(String role) {
        return switch (role) {
            case "PRINCIPAL" -> "Hiệu trưởng";
            case "COUNCIL_MEMBER" -> "Thành viên hội đồng tự đánh giá";
            case "MONITOR" -> "Tổ giám sát";
            case "STAFF" -> "Giáo viên";
            case "OFFICER" -> "Chuyên viên";
            default -> "Kiểm định viên";
        };
    }
}
