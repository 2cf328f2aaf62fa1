package vn.caitien.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.caitien.infra.demo.DemoLoader;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The two real plans of the demo, imported from the schools' Word files through the public API, seen by every service. */
class DemoPlansTest {
    static RunningSystem system;
    static String leDinhChinh;
    static String tuoiHong;

    @BeforeAll
    static void loadDemo() throws Exception {
        system = RunningSystem.get();
        Map<String, String> ids = DemoLoader.loadAll(URI.create("http://localhost:" + system.plan.uri("/").getPort()),
                URI.create("http://localhost:" + system.identity.uri("/").getPort()), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        leDinhChinh = ids.get("Trường Tiểu học Lê Đình Chinh");
        tuoiHong = ids.get("Trường Mầm non Tuổi Hồng");
        await().atMost(Duration.ofSeconds(60)).until(() -> history(leDinhChinh).size() == 50 && history(tuoiHong).size() == 29);
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(system.monitoring.uri("/api/plans/" + tuoiHong
                + "/progress")).status() == 200);
    }

    @Test
    void theOfficePagesShowBothSchoolsWithTheirPlansNumbers() throws Exception {
        JsonNode province = unit("Thành phố Hồ Chí Minh");
        assertThat(province.get("children").findValuesAsText("name")).contains("Quận 1", "Quận 10");
        for (String planId : List.of(leDinhChinh, tuoiHong)) {
            JsonNode plan = Http.get(system.monitoring.uri("/api/plans/" + planId + "/progress")).body();
            JsonNode listed = find(province.get("plans"), planId);
            assertThat(listed.get("completionRate").asDouble()).isEqualTo(plan.at("/summary/completionRate").asDouble());
            assertThat(listed.get("overdueCount").asInt()).isEqualTo(plan.at("/summary/overdueCount").asInt());
        }
        JsonNode ldc = find(unit("Thành phố Hồ Chí Minh/Quận 10").get("plans"), leDinhChinh);
        assertThat(ldc.get("completedCount").asInt()).isEqualTo(8);
        assertThat(ldc.get("itemCount").asInt()).isEqualTo(11);
        assertThat(ldc.get("overdueCount").asInt()).isZero();
        assertThat(ldc.get("reports").findValuesAsText("state")).containsExactly("ON_TIME", "LATE", "ON_TIME");
        JsonNode th = find(unit("Thành phố Hồ Chí Minh/Quận 1").get("plans"), tuoiHong);
        assertThat(th.get("itemCount").asInt()).isEqualTo(6);
        assertThat(th.get("completedCount").asInt()).isEqualTo(3);
        assertThat(th.get("overdueCount").asInt()).as("3.6 (05/2022) unfinished, 5.1 etc.").isPositive();
        assertThat(th.get("reports").findValuesAsText("state")).containsExactly("ON_TIME", "ON_TIME", "MISSING");
    }

    @Test
    void theThreeSubmittedReportsDownloadAndStayAsSubmitted() throws Exception {
        Map<String, JsonNode> before = new java.util.LinkedHashMap<>();
        for (String period : List.of("DAU_NAM", "CUOI_HK1", "CUOI_NAM")) {
            JsonNode report = Http.get(system.reporting.uri("/api/plans/" + leDinhChinh + "/reports/" + period)).body();
            assertThat(report.get("state").asText()).isEqualTo("SUBMITTED");
            before.put(period, report);
            for (String format : List.of("docx", "pdf")) {
                HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(system.reporting
                        .uri("/api/plans/" + leDinhChinh + "/reports/" + period + "?format=" + format))
                        .header("Authorization", "Bearer " + Http.token("phong.q10")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(file.statusCode()).isEqualTo(200);
                assertThat(file.body().length).isGreaterThan(5_000);
            }
        }
        String itemId = Http.get(system.monitoring.uri("/api/plans/" + leDinhChinh + "/progress")).body()
                .at("/items/4/itemId").asText();
        assertThat(Http.post(system.plan.uri("/api/plans/" + leDinhChinh + "/items/" + itemId + "/progress"), "giamsat.mai.ldc",
                SamplePlan.progress("DANG_THUC_HIEN", 30, "2024-06-10")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> history(leDinhChinh).size() == 51);
        for (Map.Entry<String, JsonNode> e : before.entrySet()) {
            assertThat(Http.get(system.reporting.uri("/api/plans/" + leDinhChinh + "/reports/" + e.getKey())).body())
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void stateAsOfADateBetweenTwoProgressRecordsShowsTheEarlierValue() throws Exception {
        // 1.5: 80% on 10/01/2024, completed on 20/05/2024.
        JsonNode then = Http.get(system.reporting.uri("/api/plans/" + leDinhChinh + "/state?asOf="
                + URLEncoder.encode("2024-01-15T00:00:00+07:00", StandardCharsets.UTF_8))).body();
        JsonNode item = null;
        for (JsonNode i : then.get("items")) if (i.at("/details/criterionCode").asText().equals("1.5")) item = i;
        assertThat(item).isNotNull();
        assertThat(item.get("status").asText()).isEqualTo("DANG_THUC_HIEN");
        assertThat(item.get("percent").asInt()).isEqualTo(80);
        assertThat(then.get("reports").findValuesAsText("period")).containsExactly("DAU_NAM");
    }

    @Test
    void verifyPassesUntouchedAndNamesTheEventEditedByHand() throws Exception {
        JsonNode intact = Http.get(system.plan.uri("/api/plans/" + tuoiHong + "/verify")).body();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("events").asInt()).isEqualTo(29);
        long edited;
        try (Connection c = DriverManager.getConnection(system.stack.postgres().jdbcUrl("caitien", "plan"), "postgres", "")) {
            var rs = c.createStatement().executeQuery("select min(sequence_number) from domain_event_entry where "
                    + "aggregate_identifier = '" + tuoiHong + "' and convert_from(payload, 'UTF8') like '%DANG_THUC_HIEN%'");
            rs.next();
            edited = rs.getLong(1);
            // What someone rewriting history by hand would do: mark a progress record as completed.
            c.createStatement().executeUpdate("update domain_event_entry set payload = convert_to(replace(convert_from("
                    + "payload, 'UTF8'), 'DANG_THUC_HIEN', 'HOAN_THANH'), 'UTF8') where aggregate_identifier = '"
                    + tuoiHong + "' and sequence_number = " + edited);
        }
        JsonNode broken = Http.get(system.plan.uri("/api/plans/" + tuoiHong + "/verify")).body();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("firstBrokenSequence").asLong()).isEqualTo(edited);
        assertThat(broken.get("problem").asText()).contains("Sự kiện số " + edited);
    }

    private static JsonNode unit(String path) throws Exception {
        return Http.get(system.monitoring.uri("/api/units?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8))).body();
    }

    private static JsonNode find(JsonNode plans, String planId) {
        for (JsonNode p : plans) if (p.get("planId").asText().equals(planId)) return p;
        throw new AssertionError("Plan " + planId + " not listed");
    }

    private static JsonNode history(String planId) throws Exception {
        JsonNode body = Http.get(system.reporting.uri("/api/plans/" + planId + "/history")).body();
        return body.isArray() ? body : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
}
