package vn.caitien.infra.demo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The preschool demo script: Trường Mầm non Tuổi Hồng, 2021-2022, typed from the sample document. */
class DemoDataTuoiHongTest {
    private static final List<String> CODES = List.of("1.1", "1.4", "3.5", "3.6", "4.2", "5.1");
    private static final List<String> LEVEL_GROUPS = List.of("MỨC 2", "MỨC 2", "MỨC 1", "MỨC 1", "MỨC 3", "MỨC 2");
    /** The 25 criteria of TT19/2018, as in plan-api's frameworks/TT19-2018.json (not on this module's path). */
    private static final Set<String> TT19 = Set.of("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9",
            "1.10", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.1", "4.2", "5.1", "5.2", "5.3",
            "5.4");
    private static final String SELF_ASSESSMENT = "Báo cáo tự đánh giá năm học 2021-2022 của Trường Mầm non Tuổi Hồng";

    private final DemoData data = DemoData.load(DemoData.TUOI_HONG);

    @Test
    void planIsTheDocumentWithItsAssumptionsSaid() {
        DemoChecks.usesApiFieldsOnly(data);
        Map<String, Object> plan = data.plan().request();
        assertEquals("12/KH-MNTH", data.documentNumber());
        assertEquals("2021-2022", data.schoolYear());
        assertEquals("TT19-2018", plan.get("frameworkId"));
        assertEquals("2021-08-15", plan.get("issueDate"));
        assertEquals(null, plan.get("issuePlace"), "the document prints no place");
        assertEquals(Map.of("name", "Trường Mầm non Tuổi Hồng", "type", "MAM_NON",
                "managingUnit", List.of("Thành phố Hồ Chí Minh", "Quận 1", "Phường Cầu Ông Lãnh")), plan.get("school"));
        assertEquals(List.of(SELF_ASSESSMENT,
                "Thông tư số 19/2018/TT-BGDĐT ngày 22 tháng 8 năm 2018 của Bộ Giáo dục và Đào tạo ban hành quy định về "
                        + "kiểm định chất lượng giáo dục và công nhận đạt chuẩn quốc gia đối với trường mầm non",
                "Công văn số 5942/BGDĐT-QLCL ngày 28 tháng 12 năm 2018 của Bộ Giáo dục và Đào tạo về việc hướng dẫn "
                        + "tự đánh giá và đánh giá ngoài trường mầm non",
                "Thông tư số 13/2020/TT-BGDĐT ngày 27 tháng 5 năm 2020"), plan.get("legalBases"));
        assertEquals(Map.of("levels", List.of(level(1, 25, 25), level(2, 20, 25)), "overallLevel", BigDecimal.ONE,
                "source", SELF_ASSESSMENT), plan.get("baseline"));
        assertEquals(Map.of("approvedOn", "2021-08-15", "approvedBy", "Nguyễn Thị Diễm Kim"), data.approve().request());
        assertEquals("Hiệu trưởng - Nguyễn Thị Diễm Kim", data.approve().actor());
        // What the document does not print is assumed, and the file says so.
        assertThat(data.source()).contains("12/KH-MNTH", "15/8/2021", "giả định", "25/25", "20/25");
    }

    @Test
    void sixItemsInDocumentOrderUnderTheirLevelRows() {
        assertEquals(CODES, data.items().stream().map(DemoData.ItemStep::criterionCode).toList());
        assertEquals(LEVEL_GROUPS, data.items().stream().map(i -> i.request().get("levelGroup")).toList());
        assertThat(TT19).containsAll(CODES);

        assertEquals(schedule("2021-09", "2022-05", "Tháng 9/2021\nTháng 5/2022"), item("1.1").get("schedule"));
        assertEquals(schedule("2022-10", "2022-10", "Tháng 10/2022"), item("1.4").get("schedule"));
        assertEquals(schedule("2021-08", "2021-08", "Tháng 8/2021"), item("3.5").get("schedule"));
        assertEquals(schedule("2021-09", "2022-05", "Tháng 9/2021 đến tháng 5/2022"), item("3.6").get("schedule"));
        assertEquals(schedule("2022-08", "2022-08", "Tháng 8/2022"), item("4.2").get("schedule"));
        assertEquals(schedule("2021-08", "2021-08", "Tháng 8/2021"), item("5.1").get("schedule"));

        assertEquals(Map.of("amount", new BigDecimal(81000000), "text", "81 triệu đồng"), budget("3.5"));
        assertEquals(Map.of("amount", new BigDecimal(494510000), "note", "Công tác sữa chữa điểm 329-331 Phạm Ngũ Lão",
                "text", "494.510.000 đồng (Công tác sữa chữa điểm 329-331 Phạm Ngũ Lão)"), budget("3.6"));
        for (String code : List.of("1.1", "1.4", "4.2", "5.1")) {
            assertEquals(null, budget(code), code + ": the budget cell is empty");
        }

        assertEquals("CB-GV-NV-CMHS trường", item("1.1").get("lead"));
        assertEquals(List.of("UBND phường Cầu Ông Lãnh"), item("1.1").get("coordinators"));
        assertEquals("BGH", item("3.5").get("lead"));
        assertEquals(List.of("nhân viên kế toán", "Hội đồng lựa chọn đồ dùng, đồ chơi, thiết bị dạy học"),
                item("3.5").get("coordinators"));
        assertEquals("BGH", item("1.4").get("lead"));
        assertEquals(List.of("NV"), item("1.4").get("coordinators"));
        for (String code : List.of("3.6", "5.1")) {
            assertEquals("BGH", item(code).get("lead"), code);
            assertEquals(List.of("GV", "NV"), item(code).get("coordinators"), code);
        }
        assertEquals("BGH nhà trường", item("4.2").get("lead"));
        assertEquals(List.of(), item("4.2").get("coordinators"));
        assertEquals(List.of(4, 2, 3, 3, 2, 2), CODES.stream().map(c -> ((List<?>) item(c).get("tasks")).size()).toList());
        // Tasks without a leading "-" in the document, kept as written.
        assertEquals(List.of("Kiểm tra thực hiện vệ sinh môi trường trong và ngoài nhóm lớp thường xuyên và theo định kỳ "
                        + "đảm bảo môi trường nhà trường luôn xanh – sạch – đẹp – thân thiện – an toàn.",
                "Kiểm tra hệ thống cấp thoát nước.", "Chọn nhà thầu uy tín, chất lượng."), item("3.6").get("tasks"));
        assertEquals("Cải tạo nhà vệ sinh các nhóm lớp", item("3.6").get("targetResult"));
    }

    @Test
    void progressRecordsAreConsistent() {
        Map<String, List<DemoData.ProgressEvent>> byItem = DemoChecks.progressByItem(data);
        assertEquals(Set.copyOf(CODES), byItem.keySet(), "every row has progress");
        for (String code : CODES) {
            List<DemoData.ProgressEvent> records = byItem.get(code);
            assertThat(records).as(code).hasSizeBetween(1, 5);
            for (DemoData.ProgressEvent p : records) {
                assertThat(p.at()).as(code).isBetween(LocalDate.of(2021, 9, 1), LocalDate.of(2022, 5, 31));
                List<String> criteria = DemoChecks.evidenceCriteria(p);
                assertThat(TT19).as(code + " " + p.at()).containsAll(criteria);
                if (!criteria.isEmpty()) assertThat(criteria).as(code + " " + p.at()).contains(code);
            }
            DemoChecks.spendingIsCumulative(data, code, records);
        }
        // Where each row stands at the end of the year: some done, some not, one behind schedule.
        Map<String, String> last = new HashMap<>();
        byItem.forEach((code, records) -> last.put(code, records.get(records.size() - 1).status()));
        assertEquals(Map.of("1.1", "HOAN_THANH", "1.4", "DANG_THUC_HIEN", "3.5", "HOAN_THANH",
                "3.6", "CHAM_TIEN_DO", "4.2", "DANG_THUC_HIEN", "5.1", "HOAN_THANH"), last);
        assertEquals("CHUA_THUC_HIEN", byItem.get("1.4").get(0).status(), "1.4 is planned for 10/2022");
        // No indicators were written in this plan, so none are reported.
        assertThat(data.items()).allSatisfy(i -> assertThat(i.request()).doesNotContainKey("indicators"));
        assertEquals(new BigDecimal(79850000), lastSpent(byItem.get("3.5")));
        assertEquals(new BigDecimal(395608000), lastSpent(byItem.get("3.6")));
    }

    @Test
    void datesNeverGoBackAndStayInTheSchoolYear() {
        DemoChecks.datesInOrder(data, LocalDate.of(2021, 8, 1), LocalDate.of(2022, 6, 30));
        assertEquals(LocalDate.of(2021, 8, 15), data.approve().at());
    }

    @Test
    void twoReportsOnTimeAndTheYearEndOneMissing() {
        List<DemoData.ReportEvent> reports = DemoChecks.reports(data);
        assertEquals(List.of("DAU_NAM", "CUOI_HK1"), reports.stream().map(DemoData.ReportEvent::period).toList());
        for (DemoData.ReportEvent report : reports) {
            assertThat(report.at()).as(report.period()).isBeforeOrEqualTo(DemoChecks.due(report.period(), "2021-2022"));
        }
        assertEquals("2021-10-29", reports.get(0).request().get("submittedOn"));
        assertEquals("2022-01-14", reports.get(1).request().get("submittedOn"));
        assertEquals(LocalDate.of(2022, 1, 15), DemoChecks.due("CUOI_HK1", "2021-2022"));
        assertEquals(21, data.timeline().size());
        assertEquals(19, data.progressCount());
        assertEquals(23, data.stepCount()); // import, approval, 21 timeline entries
    }

    private static Map<String, Object> level(int level, int met, int total) {
        return Map.of("level", new BigDecimal(level), "met", new BigDecimal(met), "total", new BigDecimal(total));
    }

    private static Map<String, Object> schedule(String start, String end, String text) {
        return Map.of("start", start, "end", end, "text", text);
    }

    private static Object lastSpent(List<DemoData.ProgressEvent> records) {
        return records.get(records.size() - 1).request().get("amountSpentToDate");
    }

    private Map<String, Object> item(String code) {
        return DemoChecks.item(data, code);
    }

    private Map<?, ?> budget(String code) {
        return DemoChecks.budget(data, code);
    }
}
