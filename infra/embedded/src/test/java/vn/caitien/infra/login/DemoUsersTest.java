package vn.caitien.infra.login;

import org.junit.jupiter.api.Test;
import vn.caitien.infra.demo.DemoData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The demo accounts against the demo scripts they act in: every actor has an account of the right
 * title, name, role and school; staff lead real items of their school; officers and the auditor cover
 * the units the schools are under. And what a users file may not contain.
 */
class DemoUsersTest {
    private static final DemoUsers USERS = DemoUsers.load();
    private static final Map<String, String> SCHOOL_CODES = Map.of(
            DemoData.LE_DINH_CHINH, "79000701", DemoData.TUOI_HONG, "79000102");
    private static final Map<String, String> ROLE_BY_TITLE = Map.of(
            "Hiệu trưởng", "PRINCIPAL", "Thư ký Hội đồng tự đánh giá", "COUNCIL_MEMBER", "Tổ giám sát", "MONITOR");

    @Test
    void everyActorOfEveryDemoScriptIsADemoAccountOfItsSchool() {
        int actors = 0;
        for (String resource : DemoData.RESOURCES) {
            DemoData data = DemoData.load(resource);
            for (String actor : actors(data)) {
                DemoUsers.User user = USERS.byActor(actor).orElseThrow(() -> new AssertionError("no account for " + actor));
                String title = actor.substring(0, actor.indexOf(" - "));
                assertEquals(title, user.title());
                assertEquals(actor.substring(actor.indexOf(" - ") + 3), user.name());
                assertEquals(List.of(ROLE_BY_TITLE.get(title)), user.roles(), actor);
                assertEquals(SCHOOL_CODES.get(resource), user.schoolCode(), actor);
                assertEquals(data.schoolName(), user.school());
                // The school's managing unit: the plans its principal creates are filed under it.
                assertEquals(unit(resource), user.unit(), actor);
                actors++;
            }
        }
        assertEquals(10, actors);
    }

    @Test
    void eachSchoolHasAStaffMemberWhoLeadsSomeOfItsItemsButNotAll() {
        for (String resource : DemoData.RESOURCES) {
            DemoData data = DemoData.load(resource);
            List<DemoUsers.User> staff = USERS.all().stream()
                    .filter(u -> u.roles().equals(List.of("STAFF")) && SCHOOL_CODES.get(resource).equals(u.schoolCode()))
                    .toList();
            assertThat(staff).hasSize(1);
            List<String> leads = data.items().stream().map(i -> String.valueOf(i.request().get("lead"))).toList();
            long led = leads.stream().filter(lead -> leads(staff.get(0), lead)).count();
            assertThat(led).as(resource).isPositive().isLessThan(leads.size());
        }
    }

    @Test
    void officersAndTheAuditorCoverTheUnitsTheSchoolsAreUnder() {
        List<String> leDinhChinh = unit(DemoData.LE_DINH_CHINH);
        List<String> tuoiHong = unit(DemoData.TUOI_HONG);
        assertThat(covers("phong.q10", leDinhChinh)).isTrue();
        assertThat(covers("phong.q10", tuoiHong)).isFalse();
        assertThat(covers("so.hcm", leDinhChinh)).isTrue();
        assertThat(covers("so.hcm", tuoiHong)).isTrue();
        assertThat(covers("kiemdinh.q1", tuoiHong)).isTrue();
        assertThat(covers("kiemdinh.q1", leDinhChinh)).isFalse();
        assertEquals(List.of("OFFICER"), user("phong.q10").roles());
        assertEquals(List.of("OFFICER"), user("so.hcm").roles());
        assertEquals(List.of("AUDITOR"), user("kiemdinh.q1").roles());
        assertEquals(List.of("ADMIN"), user("quantri").roles());
        assertThat(user("quantri").unit()).isNull();
        assertThat(user("quantri").schoolCode()).isNull();
    }

    @Test
    void claimsFollowTheContract() {
        assertEquals(Map.of("name", "Nguyễn Thị Mai", "title", "Tổ giám sát", "roles", List.of("MONITOR"),
                "school_code", "79000701", "unit", List.of("Thành phố Hồ Chí Minh", "Quận 10")), user("giamsat.mai.ldc").claims());
        assertEquals(Map.of("name", "Võ Thị Thanh Hương", "title", "Phó hiệu trưởng", "roles", List.of("STAFF"),
                "school_code", "79000701", "unit", List.of("Thành phố Hồ Chí Minh", "Quận 10"), "leads", List.of("Phó hiệu trưởng")),
                user("phohieutruong.ldc").claims());
        assertEquals(Map.of("name", "Lê Hoàng Nam", "title", "Chuyên viên Phòng Giáo dục và Đào tạo Quận 10",
                "roles", List.of("OFFICER"), "unit", List.of("Thành phố Hồ Chí Minh", "Quận 10")), user("phong.q10").claims());
        assertEquals("caitien-demo", USERS.sharedPassword());
        assertThat(USERS.all()).allSatisfy(u -> assertEquals("caitien-demo", USERS.loginPassword(u)));
        assertThat(USERS.all()).hasSize(16);
    }

    @Test
    void theTableListsEveryAccountWithItsRoleAndPlace() {
        String table = USERS.table("http://localhost:9000/login");
        assertThat(table).startsWith("Tài khoản mẫu (mật khẩu chung: caitien-demo):\n")
                .contains("giamsat.mai.ldc", "Thành viên tổ giám sát", "Trường Tiểu học Lê Đình Chinh")
                .contains("kiemdinh.q1", "Kiểm định viên", "Thành phố Hồ Chí Minh / Quận 1")
                .contains("quantri", "Quản trị hệ thống", "toàn hệ thống")
                .endsWith("Đăng nhập tại: http://localhost:9000/login\n");
        assertEquals(USERS.all().size() + 3, table.lines().count());
    }

    @Test
    void aUsersFileWithMistakesIsRefusedWithTheReason() {
        assertThatThrownBy(() -> DemoUsers.parse("{\"password\":\"x\",\"users\":[" + user("a.b", "PRINCIPAL") + ","
                + user("a.b", "MONITOR") + "]}")).hasMessageContaining("users[1]: tên đăng nhập 'a.b' bị trùng");
        assertThatThrownBy(() -> DemoUsers.parse("{\"password\":\"x\",\"users\":[" + user("a.b", "HEADMASTER") + "]}"))
                .hasMessageContaining("vai trò 'HEADMASTER' không có");
        assertThatThrownBy(() -> DemoUsers.parse("{\"users\":[" + user("a.b", "MONITOR") + "]}"))
                .hasMessageContaining("thiếu mật khẩu");
        assertThatThrownBy(() -> DemoUsers.parse("{\"users\":[{\"username\":\"a.b\",\"name\":\"A\",\"roles\":[\"ADMIN\"],"
                + "\"password\":\"secret\"}]}")).hasMessageContaining("mật khẩu riêng phải được mã hóa");
        assertThatThrownBy(() -> DemoUsers.parse("{\"password\":\"x\",\"users\":[" + user("Nguyễn", "MONITOR") + "]}"))
                .hasMessageContaining("tên đăng nhập 'Nguyễn' cần 2–64 ký tự thường không dấu");
        DemoUsers own = DemoUsers.parse("{\"users\":[{\"username\":\"a.b\",\"name\":\"A\",\"roles\":[\"ADMIN\"],"
                + "\"password\":\"{bcrypt}$2a$10$abc\"}]}");
        assertThat(own.loginPassword(own.all().get(0))).isNull();
        assertEquals("{bcrypt}$2a$10$abc", own.all().get(0).encodedPassword());
    }

    private static String user(String username, String role) {
        return "{\"username\":\"" + username + "\",\"name\":\"Tên\",\"roles\":[\"" + role + "\"]}";
    }

    private static List<String> actors(DemoData data) {
        List<String> actors = new ArrayList<>();
        Stream.concat(Stream.of(data.plan().actor(), data.approve().actor()),
                Stream.concat(data.items().stream().map(DemoData.ItemStep::actor),
                        data.timeline().stream().map(DemoData.Event::actor)))
                .distinct().forEach(actors::add);
        return actors;
    }

    private static DemoUsers.User user(String username) {
        return USERS.byUsername(username).orElseThrow();
    }

    /** As vn.caitien.access.Access.leadsItem: a label contained in the item's lead, ignoring case. */
    private static boolean leads(DemoUsers.User user, String lead) {
        return user.leads().stream().anyMatch(l -> lead.toLowerCase(Locale.ROOT).contains(l.toLowerCase(Locale.ROOT)));
    }

    private static boolean covers(String username, List<String> path) {
        List<String> unit = user(username).unit();
        return unit != null && unit.size() <= path.size() && path.subList(0, unit.size()).equals(unit);
    }

    private static List<String> unit(String resource) {
        return List.of(DemoData.load(resource).managingUnit().split("/"));
    }
}
