package vn.caitien.reporting.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.api.report.ReportSubmitted;
import vn.caitien.reporting.render.SlowRenders;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Report downloads over HTTP: a submitted revision is rendered once per format and then served as kept, a
 * draft is rendered for every request, a correction is rendered afresh, and a rendering slower than the time
 * limit answers 503 problem+json with Retry-After. Renders are counted by the service's own metric.
 */
class ReportDocumentApiTest extends ApiTestSupport {
    @Autowired
    MeterRegistry meters;
    @Autowired
    SlowRenders.Gate gate;

    private final String admin = TestCallers.all().stream().filter(w -> w.name().equals("quan-tri")).findFirst()
            .orElseThrow().token();

    @Test
    void aSubmittedReportIsRenderedOnceThenServedAsKept() throws Exception {
        TestPlans.Plan plan = published(true);
        String path = "/api/plans/" + plan.planId + "/reports/DAU_NAM?format=pdf";
        double before = renders("submitted");

        HttpResponse<byte[]> first = get(path, admin);
        HttpResponse<byte[]> second = get(path, admin);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(new String(first.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(first.headers().firstValue("Content-Disposition").orElseThrow()).contains("-lan-1.pdf");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(renders("submitted") - before).isEqualTo(1);
    }

    @Test
    void aDraftIsRenderedForEveryRequest() throws Exception {
        TestPlans.Plan plan = published(false);
        String path = "/api/plans/" + plan.planId + "/reports/DAU_NAM?format=html";
        double before = renders("draft");

        assertThat(get(path, admin).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> again = get(path, admin);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(new String(again.body(), StandardCharsets.UTF_8)).contains("DỰ THẢO");
        assertThat(renders("draft") - before).isEqualTo(2);
    }

    @Test
    void aCorrectionIsRenderedAfreshAndTheEarlierRevisionStaysKept() throws Exception {
        TestPlans.Plan plan = published(true);
        String path = "/api/plans/" + plan.planId + "/reports/DAU_NAM?format=html";
        double before = renders("submitted");
        String original = new String(get(path, admin).body(), StandardCharsets.UTF_8);
        assertThat(original).contains("Triển khai đúng kế hoạch");

        plan.then(new ReportSubmitted(plan.id(), ReportPeriod.DAU_NAM, SchoolYear.parse("2023-2024"), 2,
                        "Bổ sung minh chứng tiêu chí 1.4", null, null, "thiếu minh chứng tiêu chí 1.4",
                        LocalDate.of(2023, 10, 5)), "Tổ giám sát - Nguyễn Thị Mai", "giamsat.ldc");
        TestPlans.publish(plan.events.subList(plan.events.size() - 1, plan.events.size()));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("report_snapshot", plan.planId) == 2);

        HttpResponse<byte[]> corrected = get(path, admin);
        assertThat(new String(corrected.body(), StandardCharsets.UTF_8)).contains("Bổ sung minh chứng tiêu chí 1.4");
        assertThat(corrected.headers().firstValue("Content-Disposition").orElseThrow()).contains("-lan-2.html");
        assertThat(new String(get(path + "&revision=1", admin).body(), StandardCharsets.UTF_8)).isEqualTo(original);
        assertThat(renders("submitted") - before).isEqualTo(2);
    }

    @Test
    void aRenderingSlowerThanTheTimeLimitAnswers503WithRetryAfter() throws Exception {
        TestPlans.Plan plan = published(false);
        gate.hold(plan.planId);
        try {
            HttpResponse<byte[]> slow = get("/api/plans/" + plan.planId + "/reports/DAU_NAM?format=pdf", admin);

            assertThat(slow.statusCode()).isEqualTo(503);
            assertThat(slow.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(slow.headers().firstValue("Retry-After").orElseThrow()).isEqualTo("30");
            assertThat(json(slow).path("title").asText()).isEqualTo("Dịch vụ tạm thời không sẵn sàng");
            assertThat(json(slow).path("detail").asText()).contains("chưa tạo xong").contains("thử lại sau 30 giây");
        } finally {
            gate.release();
        }
        assertThat(get("/api/plans/" + plan.planId + "/reports/DAU_NAM?format=pdf", admin).statusCode())
                .as("released, the same report renders").isEqualTo(200);
    }

    /** A plan of its own, so that no other test's downloads count. */
    private TestPlans.Plan published(boolean submitted) throws Exception {
        TestPlans.Plan plan = TestPlans.approvedPlan("Trường Tiểu học Lê Đình Chinh", TestPlans.LDC_CODE,
                SchoolType.TIEU_HOC, "TT17-2018", TestPlans.LDC_UNIT, submitted);
        TestPlans.publish(plan.events);
        awaitProjected(plan);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("report_snapshot", plan.planId) == (submitted ? 1 : 0));
        return plan;
    }

    private double renders(String kind) {
        return meters.find("caitien.reports.renders").tag("kind", kind).tag("outcome", "ok").timers().stream()
                .mapToLong(t -> t.count()).sum();
    }
}
