package vn.caitien.reporting.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.reporting.TestStack;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each plan's scope comes from its PlanCreated, kept beside the rest of the plan directory: once per
 * event however often Kafka delivers it, and it is what every read is checked against.
 */
class PlanScopeProjectionTest extends ApiTestSupport {

    @Test
    void theScopeIsKeptOnceFromPlanCreatedWithTheAccountBehindEachEvent() throws Exception {
        TestPlans.Plan plan = TestPlans.approvedPlan("Trường THCS Nguyễn Du", " 75000123 ", SchoolType.THCS,
                "TT18-2018", List.of("Tỉnh Đồng Nai", "Thành phố Biên Hòa"), false);
        TestPlans.publish(plan.events);
        TestPlans.publish(List.of(plan.events.get(0), plan.events.get(2))); // redelivered
        awaitProjected(plan);
        Thread.sleep(1000); // time for the redelivered events to arrive, were they applied twice
        awaitProjected(plan);

        Map<String, Object> row = jdbc.queryForMap(
                "select school_code, array_to_string(managing_unit, '/') as unit from plan_directory where plan_id = ?",
                plan.planId);
        assertThat(row).containsEntry("school_code", "75000123").containsEntry("unit", "Tỉnh Đồng Nai/Thành phố Biên Hòa");
        assertThat(count("plan_directory", plan.planId)).isEqualTo(1);
        assertThat(count("plan_event", plan.planId)).isEqualTo(plan.events.size());
        assertThat(jdbc.queryForList("select actor_id from plan_event where plan_id = ? order by sequence", String.class,
                plan.planId)).containsExactly("hieutruong.75000123", "hoidong.75000123", "hieutruong.75000123",
                "giamsat.75000123");

        String history = "/api/plans/" + plan.planId + "/history";
        String principal = TestStack.issuer().token("ht-nguyen-du", Map.of("roles", List.of("PRINCIPAL"),
                "school_code", "75000123", "name", "Phạm Văn Bình", "title", "Hiệu trưởng"));
        JsonNode entries = json(get(history, principal));
        assertThat(entries).hasSize(4);
        assertThat(entries.get(0).get("actorId").asText()).isEqualTo("hieutruong.75000123");
        String province = TestStack.issuer().token("so-dong-nai", Map.of("roles", List.of("OFFICER"),
                "unit", List.of("Tỉnh Đồng Nai")));
        assertThat(get(history, province).statusCode()).isEqualTo(200);
        String otherProvince = TestStack.issuer().token("so-binh-duong", Map.of("roles", List.of("OFFICER"),
                "unit", List.of("Tỉnh Bình Dương")));
        assertThat(get(history, otherProvince).statusCode()).isEqualTo(404);
    }

    @Test
    void aPlanWithoutSchoolIsReadOnlyByThoseWhoSeeEverything() throws Exception {
        TestPlans.Plan plan = new TestPlans.Plan();
        plan.then(new PlanCreated(plan.id(), null, "TT17-2018", vn.caitien.api.plan.SchoolYear.parse("2023-2024"),
                "01/KH", null, null, List.of(), null), "Hiệu trưởng - Không rõ", "khong-ro");
        TestPlans.publish(plan.events);
        awaitProjected(plan);
        String history = "/api/plans/" + plan.planId + "/history";
        String nationwide = TestStack.issuer().token("bo", Map.of("roles", List.of("OFFICER"), "unit", List.of()));
        String admin = TestStack.issuer().token("qt", Map.of("roles", List.of("ADMIN")));
        String officer = TestStack.issuer().token("q10", Map.of("roles", List.of("OFFICER"),
                "unit", TestPlans.LDC_UNIT));
        String schoolWithoutCode = TestStack.issuer().token("ht", Map.of("roles", List.of("PRINCIPAL")));
        assertThat(get(history, nationwide).statusCode()).isEqualTo(200);
        assertThat(get(history, admin).statusCode()).isEqualTo(200);
        assertThat(get(history, officer).statusCode()).isEqualTo(404);
        assertThat(get(history, schoolWithoutCode).statusCode()).isEqualTo(404);
    }
}
