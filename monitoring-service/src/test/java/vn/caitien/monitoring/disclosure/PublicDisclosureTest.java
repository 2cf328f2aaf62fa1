package vn.caitien.monitoring.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.caitien.monitoring.support.Api;
import vn.caitien.monitoring.support.IntegrationTest;
import vn.caitien.monitoring.support.Users;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.caitien.monitoring.support.Fixture.*;

/** Công khai: a school's approved plans for anyone, without a login and without personal data. */
class PublicDisclosureTest extends IntegrationTest {

    @Test
    void anyoneReadsTheApprovedPlanOfASchoolWithoutSigningIn() {
        Api.Response response = api.get("/api/public/schools/" + LDC, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).get().asString().contains("public");
        JsonNode page = response.json();
        assertThat(page.get("schoolCode").asText()).isEqualTo(LDC);
        assertThat(page.get("schoolName").asText()).isEqualTo("Trường Tiểu học Lê Đình Chinh");
        assertThat(page.get("managingUnit")).extracting(JsonNode::asText).containsExactlyElementsOf(Q10);
        assertThat(page.get("lastUpdated").asText()).matches("\\d{4}-\\d{2}-\\d{2}");

        // The approved 2023-2024 plan only: the 2024-2025 draft is not published.
        assertThat(page.get("plans")).hasSize(1);
        JsonNode plan = page.get("plans").get(0);
        assertThat(plan.get("schoolYear").asText()).isEqualTo("2023-2024");
        assertThat(plan.get("documentNumber").asText()).isEqualTo("45/KH-LĐC");
        assertThat(plan.get("itemCount").asInt()).isEqualTo(3);
        assertThat(plan.get("completedCount").asInt()).isEqualTo(1);
        assertThat(plan.get("budgetPlanned").asLong()).isEqualTo(35_000_000L);

        JsonNode first = plan.get("items").get(0);
        assertThat(first.get("criterionCode").asText()).isEqualTo("1.4");
        assertThat(first.get("criterionName").asText()).isNotBlank();
        assertThat(first.get("targetResult").asText()).isEqualTo("Nâng cao chất lượng sinh hoạt chuyên môn");
        assertThat(first.get("tasks")).extracting(JsonNode::asText).containsExactly("Khảo sát hiện trạng", "Tổ chức thực hiện");
        assertThat(first.get("lead").asText()).isEqualTo("Tổ trưởng chuyên môn, GVCN");
        assertThat(first.get("coordinators")).extracting(JsonNode::asText).containsExactly("Kế toán", "Ban đại diện CMHS");
        assertThat(first.get("start").asText()).isEqualTo("2023-09");
        assertThat(first.get("end").asText()).isEqualTo("2024-05");
        assertThat(first.get("scheduleText").asText()).isEqualTo("Năm học 2023-2024");
        assertThat(first.get("budgetPlanned").asLong()).isEqualTo(5_000_000L);
        assertThat(first.get("fundingSource").asText()).isEqualTo("Ngân sách nhà nước");
        assertThat(first.get("amountSpent").asLong()).isEqualTo(4_500_000L);
        assertThat(first.get("status").asText()).isEqualTo("HOAN_THANH");
        assertThat(first.get("statusLabel").asText()).isEqualTo("Hoàn thành");
        assertThat(first.get("percent").asInt()).isEqualTo(100);
        assertThat(first.at("/indicators/0/name").asText()).isEqualTo("Số chuyên đề");
        assertThat(first.at("/indicators/0/target").asInt()).isEqualTo(4);
        assertThat(first.at("/indicators/0/current").asInt()).isEqualTo(2);

        // The principal's row ends in May 2024 and nothing is recorded: overdue, with its days late.
        JsonNode second = plan.get("items").get(1);
        assertThat(second.get("criterionCode").asText()).isEqualTo("3.4");
        assertThat(second.get("overdue").asBoolean()).isTrue();
        assertThat(second.get("daysLate").asLong()).isPositive();

        JsonNode firstReport = plan.get("reports").get(0);
        assertThat(firstReport.get("period").asText()).isEqualTo("DAU_NAM");
        assertThat(firstReport.get("state").asText()).isEqualTo("ON_TIME");
        assertThat(firstReport.get("submittedOn").asText()).isEqualTo("2023-10-30");
        assertThat(plan.get("reports")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void thePublicPageCarriesNoPersonalData() {
        List<String> checked = new ArrayList<>();
        for (String school : List.of(LDC, TUOI_HONG, HA_NOI)) {
            String body = api.get("/api/public/schools/" + school, null).body();
            for (String personal : PERSONAL) {
                assertThat(body).as("công khai của trường " + school).doesNotContain(personal);
            }
            checked.add(school);
        }
        // The same data is in the read model: signed-in readers see who recorded and what they wrote.
        String internal = api.get("/api/plans/" + PLAN_LDC + "/progress", Users.PRINCIPAL_LDC.token()).body();
        assertThat(internal).contains(MONITOR_ACTOR, NOTE);
        System.out.printf("Công khai: %d trường, %d chuỗi thông tin cá nhân kiểm tra, không lọt chuỗi nào%n",
                checked.size(), PERSONAL.size());
    }

    @Test
    void aSchoolWithoutAnApprovedPlanOrUnknownIsNotFound() {
        for (String code : List.of(DRAFT_ONLY, "99999999", "khong-co")) {
            Api.Response response = api.get("/api/public/schools/" + code, null);
            assertThat(response.status()).as(code).isEqualTo(404);
            assertThat(response.header("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(response.json().get("title").asText()).isEqualTo("Không tìm thấy");
            assertThat(response.json().get("detail").asText())
                    .isEqualTo("Trường mã " + code + " chưa công khai kế hoạch cải tiến nào đã ban hành");
        }
    }

    @Test
    void aStaleTokenDoesNotBreakThePublicPage() {
        assertThat(api.get("/api/public/schools/" + TUOI_HONG, Users.ADMIN.expiredToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/public/schools/" + TUOI_HONG, "khong-phai-jwt").status()).isEqualTo(200);
        JsonNode page = api.get("/api/public/schools/" + TUOI_HONG, null).json();
        assertThat(page.get("schoolName").asText()).isEqualTo("Trường Mầm non Tuổi Hồng");
        assertThat(page.at("/plans/0/items")).hasSize(1);
    }

    @Test
    void thePageItselfIsServedWithoutLogin() {
        Api.Response html = api.get("/cong-khai.html?school=" + LDC, null);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("lang=\"vi\"", "js/cong-khai.js", "viewport");
        assertThat(html.body()).doesNotContain("js/auth.js");
        Api.Response script = api.get("/js/cong-khai.js", null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("/api/public/schools/").doesNotContain("auth.js");
    }
}
