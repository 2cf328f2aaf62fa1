package vn.caitien.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Periodic reports frozen at submission, the plan as of an instant, diffs, and the office's submission tracker. */
class ReportingAndAuditTest {
    static RunningSystem system;

    @BeforeAll
    static void system() throws Exception { system = RunningSystem.get(); }

    @Test
    void aSubmittedReportStaysAsItWasWhenProgressMovesOn() throws Exception {
        SamplePlan sample = SamplePlan.create(system.plan);
        progress(sample, 0, "DANG_THUC_HIEN", 40, "2023-12-20");
        submit(sample, "CUOI_HK1", "2024-01-12", false);
        JsonNode frozen = await().atMost(Duration.ofSeconds(30)).until(() -> report(sample, "CUOI_HK1"),
                r -> "SUBMITTED".equals(r.path("state").asText()));
        assertThat(frozen.get("revision").asInt()).isEqualTo(1);
        assertThat(frozen.at("/items/0/percent").asInt()).isEqualTo(40);
        assertThat(frozen.at("/overview/completed").asInt()).isZero();
        assertThat(frozen.get("reportDate").asText()).isEqualTo("2024-01-12");

        progress(sample, 0, "HOAN_THANH", 100, "2024-02-20");
        await().atMost(Duration.ofSeconds(30)).until(() -> history(sample).size() == 8);
        assertThat(report(sample, "CUOI_HK1")).isEqualTo(frozen);
        JsonNode current = report(sample, "current");
        assertThat(current.get("period").asText()).as("the first period not yet sent").isEqualTo("DAU_NAM");
        assertThat(current.get("state").asText()).isEqualTo("DRAFT");
        JsonNode draft = report(sample, "CUOI_NAM");
        assertThat(draft.get("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.at("/overview/completed").asInt()).isEqualTo(1);

        submit(sample, "CUOI_HK1", "2024-01-20", true);
        JsonNode corrected = await().atMost(Duration.ofSeconds(30)).until(() -> report(sample, "CUOI_HK1"),
                r -> r.path("revision").asInt() == 2);
        assertThat(corrected.get("correctionReason").asText()).isEqualTo("Bổ sung số liệu kinh phí");
        JsonNode first = Http.get(system.reporting.uri("/api/plans/" + sample.planId() + "/reports/CUOI_HK1?revision=1")).body();
        assertThat(first).as("the earlier revision stays visible").isEqualTo(frozen);

        String base = "/api/plans/" + sample.planId() + "/reports/CUOI_HK1?revision=1&format=";
        HttpResponse<byte[]> pdf = download(base + "pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<byte[]> docx = download(base + "docx");
        assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).contains("lan-1.docx");
        assertThat(new String(docx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        HttpResponse<byte[]> html = download(base + "html");
        assertThat(new String(html.body(), StandardCharsets.UTF_8)).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("LÊ ĐÌNH CHINH").contains("BÁO CÁO");
        assertThat(download(base + "odt").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<byte[]> download(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(system.reporting.uri(path))
                        .header("Authorization", "Bearer " + Http.token(Http.READER)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void replaysThePlanAsItStoodAtAnInstantAndDiffsTwoInstants() throws Exception {
        SamplePlan sample = SamplePlan.create(system.plan);
        await().atMost(Duration.ofSeconds(30)).until(() -> history(sample).size() == 5);
        Instant approved = Instant.parse(history(sample).get(4).get("recordedAt").asText());
        Thread.sleep(20); // two instants that differ on the event clock
        progress(sample, 1, "DANG_THUC_HIEN", 30, "2024-01-05");
        await().atMost(Duration.ofSeconds(30)).until(() -> history(sample).size() == 6);

        String asOf = URLEncoder.encode(OffsetDateTime.ofInstant(approved, ZoneOffset.ofHours(7)).toString(), StandardCharsets.UTF_8);
        JsonNode then = Http.get(system.reporting.uri("/api/plans/" + sample.planId() + "/state?basis=recorded&asOf=" + asOf)).body();
        assertThat(then.get("status").asText()).isEqualTo("APPROVED");
        assertThat(then.get("lastSequence").asLong()).isEqualTo(4);
        assertThat(then.at("/items").findValuesAsText("status")).containsOnly("CHUA_THUC_HIEN");
        JsonNode now = Http.get(system.reporting.uri("/api/plans/" + sample.planId() + "/state")).body();
        assertThat(now.get("lastSequence").asLong()).isEqualTo(5);

        JsonNode diff = Http.get(system.reporting.uri("/api/plans/" + sample.planId() + "/diff?from=" + asOf + "&to="
                + URLEncoder.encode(OffsetDateTime.now(ZoneOffset.ofHours(7)).toString(), StandardCharsets.UTF_8))).body();
        assertThat(diff.get("progressRecorded")).hasSize(1);
        assertThat(diff.at("/progressRecorded/0/criterionCode").asText()).isEqualTo("3.4");
        assertThat(diff.get("itemsAdded")).isEmpty();

        String before = URLEncoder.encode("2000-01-01T00:00:00+07:00", StandardCharsets.UTF_8);
        assertThat(Http.get(system.reporting.uri("/api/plans/" + sample.planId() + "/state?asOf=" + before)).status()).isEqualTo(404);
        assertThat(Http.get(system.reporting.uri("/api/plans/" + sample.planId() + "/state?asOf=hôm-qua")).status()).isEqualTo(400);
    }

    @Test
    void theTrackerShowsWhoSentOnTimeLateOrNotAtAll() throws Exception {
        SamplePlan sample = SamplePlan.create(system.plan);
        submit(sample, "DAU_NAM", "2023-10-25", false);
        submit(sample, "CUOI_HK1", "2024-01-19", false);
        await().atMost(Duration.ofSeconds(30)).until(() -> history(sample).size() == 7);
        JsonNode tracker = Http.get(system.reporting.uri("/api/submissions?unit="
                + URLEncoder.encode("Thành phố Hồ Chí Minh/Quận 10", StandardCharsets.UTF_8) + "&schoolYear=2023-2024")).body();
        assertThat(state(tracker, 0, sample.planId())).isEqualTo("ON_TIME");
        assertThat(state(tracker, 1, sample.planId())).isEqualTo("LATE");
        assertThat(state(tracker, 2, sample.planId())).isEqualTo("MISSING");
    }

    private static String state(JsonNode tracker, int period, String planId) {
        for (JsonNode school : tracker.at("/periods/" + period + "/schools")) {
            if (school.get("planId").asText().equals(planId)) return school.get("state").asText();
        }
        return null;
    }

    private static void progress(SamplePlan sample, int item, String status, int percent, String date) throws Exception {
        assertThat(Http.post(system.plan.uri("/api/plans/" + sample.planId() + "/items/" + sample.itemIds().get(item)
                + "/progress"), "giamsat.mai.ldc", SamplePlan.progress(status, percent, date)).status()).isEqualTo(201);
    }

    private static void submit(SamplePlan sample, String period, String on, boolean correction) throws Exception {
        String body = "{\"period\": \"" + period + "\", \"summary\": \"Các nội dung triển khai theo kế hoạch\","
                + " \"recommendations\": \"Đề nghị bổ sung kinh phí\", \"submittedOn\": \"" + on + "\""
                + (correction ? ", \"correction\": true, \"correctionReason\": \"Bổ sung số liệu kinh phí\"" : "") + "}";
        Http.Response response = Http.post(system.plan.uri("/api/plans/" + sample.planId() + "/reports"), "giamsat.mai.ldc", body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    }

    private static JsonNode report(SamplePlan sample, String period) throws Exception {
        return Http.get(system.reporting.uri("/api/plans/" + sample.planId() + "/reports/" + period)).body();
    }

    private static JsonNode history(SamplePlan sample) throws Exception {
        JsonNode body = Http.get(system.reporting.uri("/api/plans/" + sample.planId() + "/history")).body();
        return body.isArray() ? body : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
}
