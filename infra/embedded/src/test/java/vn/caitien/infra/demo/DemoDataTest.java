package vn.caitien.infra.demo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo script is typed by hand: these checks catch what the service would refuse, before a demo. */
class DemoDataTest {
    private static final List<String> CODES =
            List.of("1.4", "1.5", "1.7", "2.4", "3.1", "3.3", "3.4", "3.5", "5.3", "5.4", "5.5");
    private static final Set<String> DISTRICT_FUNDED = Set.of("3.1", "3.3", "3.4");
    private static final Pattern EVIDENCE = Pattern.compile("^\\[H(\\d+)-(\\d+)\\.(\\d+)-\\d{2}]$");
    private static final LocalDate EARLIEST = LocalDate.of(2023, 8, 1);
    private static final LocalDate LATEST = LocalDate.of(2024, 6, 30);

    // Field names of the plan-service request records, so the file stays an exact API example.
    private static final Set<String> PLAN_FIELDS = Set.of("planId", "school", "frameworkId", "schoolYear",
            "documentNumber", "issueDate", "issuePlace", "legalBases", "baseline");
    private static final Set<String> ITEM_FIELDS = Set.of("criterionCode", "levelGroup", "targetResult", "indicators",
            "tasks", "lead", "coordinators", "schedule", "budget", "supportConditions", "notes", "amendmentReason");
    private static final Set<String> PROGRESS_FIELDS = Set.of("status", "percent", "indicatorValues", "narrative",
            "evidenceCodes", "amountSpentToDate", "effectiveDate");
    private static final Set<String> REPORT_FIELDS = Set.of("period", "schoolYear", "summary", "findings",
            "recommendations", "correction", "correctionReason");

    private final DemoData data = DemoData.load();

    @Test
    void planIsTheDocument() {
        Map<String, Object> plan = data.plan().request();
        assertThat(plan.keySet()).isSubsetOf(PLAN_FIELDS);
        assertEquals("107/KH-LĐC", data.documentNumber());
        assertEquals("2023-2024", data.schoolYear());
        assertEquals("TT17-2018", plan.get("frameworkId"));
        assertEquals("2023-08-18", plan.get("issueDate"));
        assertEquals("Quận 10", plan.get("issuePlace"));
        Map<?, ?> school = (Map<?, ?>) plan.get("school");
        assertEquals("Trường Tiểu học Lê Đình Chinh", school.get("name"));
        assertEquals("TIEU_HOC", school.get("type"));
        assertEquals(List.of("Thành phố Hồ Chí Minh", "Quận 10"), school.get("managingUnit"));
        assertThat((List<?>) plan.get("legalBases")).hasSize(4);
        assertEquals("Lưu Thuận Phong", data.approve().request().get("approvedBy"));
        assertEquals("2023-08-18", data.approve().request().get("approvedOn"));
    }

    @Test
    void elevenItemsInDocumentOrderTypedByTheRules() {
        assertEquals(CODES, data.items().stream().map(DemoData.ItemStep::criterionCode).toList());
        for (DemoData.ItemStep item : data.items()) {
            Map<String, Object> r = item.request();
            String code = item.criterionCode();
            assertEquals(code, item.key(), "the timeline refers to rows by their criterion");
            assertThat(r.keySet()).as(code).isSubsetOf(ITEM_FIELDS);
            assertEquals("MỨC 1, 2, 3", r.get("levelGroup"), code);
            assertThat((List<?>) r.get("tasks")).as(code).isNotEmpty()
                    .allSatisfy(t -> assertThat((String) t).doesNotStartWith("-").isEqualTo(((String) t).strip()));
            assertThat((String) r.get("lead")).as(code).doesNotContain(",");

            Map<?, ?> schedule = (Map<?, ?>) r.get("schedule");
            if (DISTRICT_FUNDED.contains(code)) {
                assertEquals(Map.of("start", "2020-01", "end", "2030-12", "text", "Từ năm 2020 đến 2030"), schedule);
            } else {
                assertEquals(Map.of("start", "2023-09", "end", "2024-05", "text", "Năm học 2023-2024"), schedule);
            }
        }
        assertEquals(Map.of("text", "Không"), budget("1.4"));
        assertEquals(Map.of("text", "Không"), budget("1.5"));
        assertEquals(Map.of("amount", new BigDecimal(3000000), "perSchoolYear", true, "text", "3 triệu/NH"),
                budget("1.7"));
        assertEquals(Map.of("text", "Không"), budget("2.4"));
        for (String code : DISTRICT_FUNDED) {
            assertEquals(Map.of("fundingSource", "Kinh phí dự án Quận", "text", "Kinh phí dự án Quận"), budget(code));
        }
        assertEquals(Map.of("amount", new BigDecimal(5000000), "text", "5 triệu"), budget("3.5"));
        assertEquals(Map.of("amount", new BigDecimal(150000000), "text", "150 triệu"), budget("5.3"));
        assertEquals(Map.of("text", "Không"), budget("5.4"));
        assertEquals(Map.of("text", "Không"), budget("5.5"));

        assertEquals(List.of(Map.of("name", "Sĩ số", "baseline", new BigDecimal(38), "target", new BigDecimal(35),
                "unit", "học sinh/lớp")), item("1.5").get("indicators"));
        assertEquals(List.of("Phó hiệu trưởng", "GVCN"), item("1.5").get("coordinators"));
        assertEquals("Sĩ số 35 học sinh /lớp", item("1.5").get("targetResult"));
        assertEquals(List.of(Map.of("name", "Tỉ lệ học sinh tham gia tham quan ngoại khóa", "baseline",
                new BigDecimal(85), "target", new BigDecimal(100), "unit", "%")), item("5.3").get("indicators"));
        assertEquals(2, ((List<?>) item("5.3").get("tasks")).size());
    }

    @Test
    void progressRecordsAreConsistent() {
        Map<String, List<DemoData.ProgressEvent>> byItem = new HashMap<>();
        for (DemoData.Event event : data.timeline()) {
            if (!(event instanceof DemoData.ProgressEvent p)) continue;
            String where = p.itemKey() + " " + p.at();
            assertThat(CODES).as(where).contains(p.itemKey());
            Map<String, Object> r = p.request();
            assertThat(r.keySet()).as(where).isSubsetOf(PROGRESS_FIELDS);
            assertEquals(p.at().toString(), r.get("effectiveDate"), where);
            assertThat(p.at()).as(where).isBetween(LocalDate.of(2023, 9, 15), LocalDate.of(2024, 5, 25));
            assertThat((String) r.get("narrative")).as(where).isNotBlank();

            int percent = ((BigDecimal) r.get("percent")).intValueExact();
            switch (p.status()) {
                case "HOAN_THANH" -> assertEquals(100, percent, where);
                case "CHUA_THUC_HIEN" -> assertEquals(0, percent, where);
                case "DANG_THUC_HIEN", "CHAM_TIEN_DO" -> assertThat(percent).as(where).isBetween(1, 99);
                case "KHONG_THUC_HIEN" -> assertThat(percent).as(where).isBetween(0, 100);
                default -> throw new AssertionError(where + ": unknown status " + p.status());
            }

            for (Object code : (List<?>) r.getOrDefault("evidenceCodes", List.of())) {
                Matcher m = EVIDENCE.matcher((String) code);
                assertThat(m.matches()).as(where + " " + code).isTrue();
                // The criterion part points at the row's own criterion, the box at its standard.
                assertEquals(p.itemKey(), m.group(2) + "." + m.group(3), where + " " + code);
                assertEquals(m.group(1), m.group(2), where + " " + code);
            }

            Set<Object> indicatorNames = ((List<?>) item(p.itemKey()).getOrDefault("indicators", List.of())).stream()
                    .map(i -> ((Map<?, ?>) i).get("name")).collect(Collectors.toSet());
            for (Object value : (List<?>) r.getOrDefault("indicatorValues", List.of())) {
                assertThat(indicatorNames).as(where).contains(((Map<?, ?>) value).get("name"));
                assertThat(((Map<?, ?>) value).get("value")).as(where).isInstanceOf(BigDecimal.class);
            }
            byItem.computeIfAbsent(p.itemKey(), k -> new ArrayList<>()).add(p);
        }

        assertEquals(Set.copyOf(CODES), byItem.keySet(), "every row has progress");
        for (String code : CODES) {
            List<DemoData.ProgressEvent> records = byItem.get(code);
            assertThat(records).as(code).hasSizeBetween(1, 3);
            String last = records.get(records.size() - 1).status();
            if (DISTRICT_FUNDED.contains(code)) {
                assertThat(last).as(code).isIn("DANG_THUC_HIEN", "CHAM_TIEN_DO");
            } else {
                assertEquals("HOAN_THANH", last, code);
            }
            Object amount = budget(code).get("amount");
            BigDecimal spentBefore = BigDecimal.ZERO;
            for (DemoData.ProgressEvent p : records) {
                Object spent = p.request().get("amountSpentToDate");
                assertEquals(amount != null, spent != null, code + " " + p.at() + ": spending only where money is planned");
                if (spent == null) continue;
                assertThat((BigDecimal) spent).as(code + " cumulative").isGreaterThanOrEqualTo(spentBefore)
                        .isLessThanOrEqualTo((BigDecimal) amount);
                spentBefore = (BigDecimal) spent;
            }
        }
    }

    @Test
    void datesNeverGoBackAndStayInTheSchoolYear() {
        List<LocalDate> dates = new ArrayList<>(List.of(data.plan().at(), data.approve().at()));
        data.timeline().forEach(e -> dates.add(e.at()));
        assertThat(dates).isSorted().allSatisfy(d -> assertThat(d).isBetween(EARLIEST, LATEST));
        assertEquals(LocalDate.of(2023, 8, 18), data.approve().at());
    }

    @Test
    void threeReportsOnceEachInOrder() {
        List<DemoData.ReportEvent> reports = data.timeline().stream()
                .filter(e -> e instanceof DemoData.ReportEvent).map(e -> (DemoData.ReportEvent) e).toList();
        assertEquals(List.of("DAU_NAM", "CUOI_HK1", "CUOI_NAM"), reports.stream().map(DemoData.ReportEvent::period).toList());
        for (DemoData.ReportEvent report : reports) {
            assertThat(report.request().keySet()).isSubsetOf(REPORT_FIELDS);
            assertEquals("2023-2024", report.request().get("schoolYear"));
            for (String field : List.of("summary", "findings", "recommendations")) {
                assertThat((String) report.request().get(field)).as(report.period() + " " + field).isNotBlank();
            }
        }
        assertEquals(LocalDate.of(2023, 10, 25), reports.get(0).at());
        assertEquals(LocalDate.of(2024, 1, 12), reports.get(1).at());
        assertEquals(LocalDate.of(2024, 5, 28), reports.get(2).at());
        assertEquals(35, data.timeline().size());
        assertEquals(32, data.progressCount());
        assertEquals(48, data.stepCount());
    }

    private Map<String, Object> item(String code) {
        return data.items().stream().filter(i -> i.criterionCode().equals(code)).findFirst().orElseThrow().request();
    }

    private Map<?, ?> budget(String code) {
        return (Map<?, ?>) item(code).get("budget");
    }
}
