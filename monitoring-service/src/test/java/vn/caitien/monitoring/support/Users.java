package vn.caitien.monitoring.support;

import vn.caitien.infra.tokens.StandInIssuer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The people of the access matrix, as the claims of their access tokens. */
public enum Users {
    PRINCIPAL_LDC("hieutruong.ldc", "Trần Văn Hùng", "Hiệu trưởng", List.of("PRINCIPAL"), Fixture.LDC, null, List.of()),
    COUNCIL_LDC("hoidong.ldc", "Lưu Thuận Phong", "Thành viên hội đồng tự đánh giá", List.of("COUNCIL_MEMBER"),
            Fixture.LDC, null, List.of()),
    MONITOR_LDC("giamsat.ldc", "Nguyễn Thị Mai", "Tổ giám sát", List.of("MONITOR"), Fixture.LDC, null, List.of()),
    STAFF_LDC("gv.ldc", "Phạm Thị Thu", "Tổ trưởng chuyên môn", List.of("STAFF"), Fixture.LDC, null,
            List.of("Tổ trưởng chuyên môn")),
    PRINCIPAL_TH("hieutruong.th", "Võ Thị Hạnh", "Hiệu trưởng", List.of("PRINCIPAL"), Fixture.TUOI_HONG, null, List.of()),
    MONITOR_TH("giamsat.th", "Đỗ Thị Lan", "Tổ giám sát", List.of("MONITOR"), Fixture.TUOI_HONG, null, List.of()),
    STAFF_TH("gv.th", "Bùi Văn Nam", "Giáo viên", List.of("STAFF"), Fixture.TUOI_HONG, null, List.of("Hiệu trưởng")),
    OFFICER_Q10("phong.q10", "Lê Văn Phòng", "Chuyên viên Phòng Giáo dục", List.of("OFFICER"), null, Fixture.Q10, List.of()),
    OFFICER_Q1("phong.q1", "Mai Thị Một", "Chuyên viên Phòng Giáo dục", List.of("OFFICER"), null, Fixture.Q1, List.of()),
    OFFICER_HCM("so.hcm", "Trịnh Văn Sở", "Chuyên viên Sở Giáo dục", List.of("OFFICER"), null, Fixture.HCM, List.of()),
    AUDITOR_Q10("kiemdinh.q10", "Đặng Văn Kiểm", "Kiểm định viên", List.of("AUDITOR"), null, Fixture.Q10, List.of()),
    ADMIN("quantri", "Quản Trị Viên", "Quản trị hệ thống", List.of("ADMIN"), null, null, List.of()),
    NO_ROLE("khach", "Người Khách", null, List.of(), null, null, List.of());

    final String username;
    final Map<String, Object> claims;

    Users(String username, String name, String title, List<String> roles, String schoolCode, List<String> unit,
          List<String> leads) {
        this.username = username;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        if (title != null) c.put("title", title);
        c.put("roles", roles);
        if (schoolCode != null) c.put("school_code", schoolCode);
        if (unit != null) c.put("unit", unit);
        if (!leads.isEmpty()) c.put("leads", leads);
        this.claims = Map.copyOf(c);
    }

    public String token() { return issuer().token(username, claims); }

    public String expiredToken() { return issuer().expiredToken(username, claims); }

    public String tokenSignedByAnotherKey() { return issuer().tokenSignedByAnotherKey(username, claims); }

    public String tokenFromAnotherIssuer() { return issuer().tokenFromAnotherIssuer(username, claims); }

    public String username() { return username; }

    public String fullName() { return (String) claims.get("name"); }

    private static StandInIssuer issuer() { return TestStack.issuer(); }
}
