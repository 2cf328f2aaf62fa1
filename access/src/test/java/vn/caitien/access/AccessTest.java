package vn.caitien.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTest {
    static final PlanScope LDC = new PlanScope("79000701", List.of("Thành phố Hồ Chí Minh", "Quận 10"));
    static final PlanScope TUOI_HONG = new PlanScope("79000102",
            List.of("Thành phố Hồ Chí Minh", "Quận 1", "Phường Cầu Ông Lãnh"));

    static Caller school(Role role, String code, String... leads) {
        return new Caller("u", "Nguyễn Văn A", null, Set.of(role), code, null, List.of(leads));
    }

    static Caller office(Role role, String... unit) {
        return new Caller("o", "Trần B", null, Set.of(role), null, List.of(unit), List.of());
    }

    @Test
    void schoolPeopleActOnlyOnTheirSchoolAndOnlyAsTheirRoleAllows() {
        Caller principal = school(Role.PRINCIPAL, "79000701");
        assertThat(Access.may(principal, PlanAction.APPROVE_PLAN, LDC)).isTrue();
        assertThat(Access.may(principal, PlanAction.APPROVE_PLAN, TUOI_HONG)).isFalse();
        assertThat(Access.may(principal, PlanAction.RECORD_PROGRESS, LDC)).isFalse();
        Caller council = school(Role.COUNCIL_MEMBER, "79000701");
        assertThat(Access.may(council, PlanAction.EDIT_ITEMS, LDC)).isTrue();
        assertThat(Access.may(council, PlanAction.APPROVE_PLAN, LDC)).isFalse();
        Caller monitor = school(Role.MONITOR, "79000701");
        assertThat(Access.may(monitor, PlanAction.SUBMIT_REPORT, LDC)).isTrue();
        assertThat(Access.may(monitor, PlanAction.EDIT_ITEMS, LDC)).isFalse();
        assertThat(Access.mayRecordProgress(monitor, LDC, "Hiệu trưởng")).isTrue();
        assertThat(Access.mayRecordProgress(monitor, TUOI_HONG, "Hiệu trưởng")).isFalse();
    }

    @Test
    void staffRecordProgressOnlyOnItemsTheyLead() {
        Caller staff = school(Role.STAFF, "79000701", "Tổ trưởng chuyên môn");
        assertThat(Access.mayRecordProgress(staff, LDC, "tổ trưởng chuyên môn, GVCN")).isTrue();
        assertThat(Access.mayRecordProgress(staff, LDC, "Hiệu trưởng")).isFalse();
        assertThat(Access.mayRecordProgress(staff, LDC, null)).isFalse();
        assertThat(Access.may(staff, PlanAction.SUBMIT_REPORT, LDC)).isFalse();
    }

    @Test
    void officersAndAuditorsSeeTheSchoolsUnderTheirUnitOnly() {
        Caller district = office(Role.OFFICER, "Thành phố Hồ Chí Minh", "Quận 10");
        assertThat(Access.canRead(district, LDC)).isTrue();
        assertThat(Access.canRead(district, TUOI_HONG)).isFalse();
        assertThat(Access.canAudit(district, LDC)).isFalse();
        assertThat(Access.may(district, PlanAction.RECORD_PROGRESS, LDC)).isFalse();
        Caller province = office(Role.OFFICER, "thành phố Hồ Chí Minh");
        assertThat(Access.canRead(province, TUOI_HONG)).isTrue();
        assertThat(Access.canOversee(province, List.of("Thành phố Hồ Chí Minh", "Quận 1"))).isTrue();
        assertThat(Access.canOversee(district, List.of("Thành phố Hồ Chí Minh"))).isFalse();
        Caller auditor = office(Role.AUDITOR, "Thành phố Hồ Chí Minh", "Quận 1");
        assertThat(Access.canAudit(auditor, TUOI_HONG)).isTrue();
        assertThat(Access.canAudit(auditor, LDC)).isFalse();
    }

    @Test
    void administratorsReadEverythingAndChangeNoPlan() {
        Caller admin = new Caller("admin", null, null, Set.of(Role.ADMIN), null, null, null);
        assertThat(Access.canRead(admin, LDC)).isTrue();
        assertThat(Access.canAudit(admin, TUOI_HONG)).isTrue();
        for (PlanAction action : PlanAction.values()) assertThat(Access.may(admin, action, LDC)).isFalse();
        assertThat(Access.canAdminister(school(Role.PRINCIPAL, "79000701"))).isFalse();
    }

    @Test
    void aPlanWithoutSchoolCodeBelongsToNoSchoolUser() {
        PlanScope uncoded = new PlanScope(" ", LDC.managingUnit());
        Caller uncodedPrincipal = new Caller("p", null, null, Set.of(Role.PRINCIPAL), null, null, null);
        assertThat(Access.may(uncodedPrincipal, PlanAction.CREATE_PLAN, uncoded)).isFalse();
        assertThat(Access.canRead(office(Role.OFFICER, "Thành phố Hồ Chí Minh"), uncoded)).isTrue();
    }

    @Test
    void callerIsReadFromTokenClaims() {
        Caller caller = Caller.fromClaims(Map.of("sub", "mai.nt", "name", "Nguyễn Thị Mai", "title", "Tổ giám sát",
                "roles", List.of("MONITOR", "unknown", "staff"), "school_code", "79000701",
                "leads", List.of("Tổ trưởng chuyên môn")));
        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.MONITOR, Role.STAFF);
        assertThat(caller.actorLabel()).isEqualTo("Tổ giám sát - Nguyễn Thị Mai");
        assertThat(caller.unit()).isNull();
        Caller officer = Caller.fromClaims(Map.of("sub", "pgd.q10", "roles", "OFFICER",
                "unit", "Thành phố Hồ Chí Minh/Quận 10"));
        assertThat(officer.unit()).containsExactly("Thành phố Hồ Chí Minh", "Quận 10");
        assertThat(officer.actorLabel()).isEqualTo("pgd.q10");
    }
}
