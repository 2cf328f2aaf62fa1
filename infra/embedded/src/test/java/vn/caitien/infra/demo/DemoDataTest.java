package vn.caitien.infra.demo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The demo scripts are typed by hand: these checks catch what the service would refuse, before a demo.
 * This class covers the set of scripts and the main one, Lê Đình Chinh; {@link DemoDataTuoiHongTest}
 * the preschool one.
 */
class DemoDataTest {
    private static final List<String> CODES =
            List.of("1.4", "1.5", "1.7", "2.4", "3.1", "3.3", "3.4", "3.5", "5.3", "5.4", "5.5");
    private static final Set<String> DISTRICT_FUNDED = Set.of("3.1", "3.3", "3.4");

    private final DemoData data = DemoData.load(DemoData.LE_DINH_CHINH);

    @Test
    void theMainPlanComesFirstThenThePreschool() {
        List<DemoData> all = DemoData.all();
        assertEquals(List.of("Trường Tiểu học Lê Đình Chinh", "Trường Mầm non Tuổi Hồng"),
                all.stream().map(DemoData::schoolName).toList());
        assertEquals(List.of("107/KH-LĐC", "12/KH-MNTH"), all.stream().map(DemoData::documentNumber).toList());
        assertThat(all).allSatisfy(d -> assertThat(d.source()).isNotBlank());
    }

    @Test
    void planIsTheDocument() {
        DemoChecks.usesApiFieldsOnly(data);
        Map<String, Object> plan = data.plan().request();
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
            assertEquals("MỨC 1, 2, 3", r.get("levelGroup"), code);
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
        Map<String, List<DemoData.ProgressEvent>> byItem = DemoChecks.progressByItem(data);
        assertEquals(Set.copyOf(CODES), byItem.keySet(), "every row has progress");
        for (String code : CODES) {
            List<DemoData.ProgressEvent> records = byItem.get(code);
            assertThat(records).as(code).hasSizeBetween(1, 3);
            for (DemoData.ProgressEvent p : records) {
                assertThat(p.at()).as(code).isBetween(LocalDate.of(2023, 9, 15), LocalDate.of(2024, 5, 25));
                // Every code points at the row's own criterion (its box, the standard, is checked by DemoChecks).
                assertThat(DemoChecks.evidenceCriteria(p)).as(code + " " + p.at()).allMatch(code::equals);
            }
            String last = records.get(records.size() - 1).status();
            if (DISTRICT_FUNDED.contains(code)) {
                assertThat(last).as(code).isIn("DANG_THUC_HIEN", "CHAM_TIEN_DO");
            } else {
                assertEquals("HOAN_THANH", last, code);
            }
            DemoChecks.spendingIsCumulative(data, code, records);
        }
    }

    @Test
    void datesNeverGoBackAndStayInTheSchoolYear() {
        DemoChecks.datesInOrder(data, LocalDate.of(2023, 8, 1), LocalDate.of(2024, 6, 30));
        assertEquals(LocalDate.of(2023, 8, 18), data.approve().at());
    }

    @Test
    void threeReportsTheSecondOneLateOnPurpose() {
        List<DemoData.ReportEvent> reports = DemoChecks.reports(data);
        assertEquals(List.of("DAU_NAM", "CUOI_HK1", "CUOI_NAM"), reports.stream().map(DemoData.ReportEvent::period).toList());
        assertEquals("2023-10-25", reports.get(0).request().get("submittedOn"));
        assertEquals("2024-01-19", reports.get(1).request().get("submittedOn"));
        assertEquals("2024-05-28", reports.get(2).request().get("submittedOn"));

        // Dashboards show one late report: semester I, due 15/01/2024.
        assertEquals(LocalDate.of(2024, 1, 15), DemoChecks.due("CUOI_HK1", "2023-2024"));
        assertThat(reports.get(1).at()).isAfter(DemoChecks.due("CUOI_HK1", data.schoolYear()));
        for (DemoData.ReportEvent onTime : List.of(reports.get(0), reports.get(2))) {
            assertThat(onTime.at()).as(onTime.period())
                    .isBeforeOrEqualTo(DemoChecks.due(onTime.period(), data.schoolYear()));
        }
        assertEquals(35, data.timeline().size());
        assertEquals(32, data.progressCount());
        assertEquals(39, data.stepCount()); // import, 2 indicator updates, approval, 35 timeline entries
    }

    private Map<String, Object> item(String code) {
        return DemoChecks.item(data, code);
    }

    private Map<?, ?> budget(String code) {
        return DemoChecks.budget(data, code);
    }
}
