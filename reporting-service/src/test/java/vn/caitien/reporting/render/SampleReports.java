package vn.caitien.reporting.render;

import vn.caitien.reporting.report.MonitoringReport;
import vn.caitien.reporting.report.MonitoringReport.Item;
import vn.caitien.reporting.report.MonitoringReport.Overview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Monitoring reports for renderer tests, modelled on the real plan of Trường Tiểu học Lê Đình Chinh
 * 2023-2024 (shared/samples): its criteria, targets, tasks and people; progress, evidence and
 * problems are invented but of the kind a monitoring team writes at the end of semester I.
 */
final class SampleReports {

    static final String SCHOOL = "Trường Tiểu học Lê Đình Chinh";
    static final String STD1 = "Tổ chức và quản lý nhà trường";

    private SampleReports() {
    }

    /** A submitted "Cuối học kỳ I" report with items of standards 1, 2, 3, 5 and one level-4 item. */
    static MonitoringReport leDinhChinh() {
        List<Item> items = List.of(
                item(1, "1.4", "Hiệu trưởng, phó hiệu trưởng, tổ chuyên môn và tổ văn phòng", 1, STD1,
                        "Phân tích kĩ những hạn chế trong quá trình học tập của một số em học sinh chậm phát triển để cùng chia sẻ, tìm ra những phương pháp giáo dục hiệu quả.",
                        List.of("Tổ chức thêm chuyên đề về phương pháp giảng dạy cho học sinh chậm phát triển để giáo viên cùng chia sẻ, trao đổi nhằm nâng cao chất lượng giáo dục."),
                        "Phó hiệu trưởng", List.of("Tổ trưởng chuyên môn"), "Năm học 2023-2024", "Không",
                        "HOAN_THANH", 100, false, List.of("[H1-1.4-01]", "[H1-1.4-02]"),
                        "Đã tổ chức 02 chuyên đề (tháng 10 và tháng 12/2023).", null, null),
                item(2, "1.5", "Khối lớp và tổ chức lớp học", 1, STD1, "Sĩ số 35 học sinh/lớp",
                        List.of("Tham mưu, đề xuất phân bổ chỉ tiêu tuyển sinh phù hợp.", "Biên chế đều học sinh các lớp."),
                        "Hiệu trưởng", List.of("Phó hiệu trưởng", "GVCN"), "Năm học 2023-2024", "Không",
                        "DANG_THUC_HIEN", 55, false, List.of("[H1-1.5-01]"),
                        "Sĩ số bình quân 38 học sinh/lớp; 4/20 lớp đạt 35 học sinh.",
                        "Số học sinh tạm trú tăng giữa năm học.\nPhòng học chưa đủ để tách lớp.", null),
                item(3, "1.7", "Quản lý cán bộ, giáo viên và nhân viên", 1, STD1,
                        "Tổ chức nhiều buổi thao giảng cho giáo viên học tập, chia sẻ kinh nghiệm.",
                        List.of("Xây dựng kế hoạch sinh hoạt chuyên môn tổ chức chuyên đề, thao giảng của các tổ khối."),
                        "Tổ trưởng chuyên môn", List.of("Giáo viên"), "Năm học 2023-2024", "3 triệu/NH",
                        "HOAN_THANH", 100, false, List.of("[H1-1.7-03]"), null, null, null),
                item(4, "2.4", "Đối với học sinh", 2, "Cán bộ quản lý, giáo viên, nhân viên",
                        "Đảm bảo tốt mối quan hệ Gia đình - Nhà trường - Xã hội để cùng giáo dục học sinh.",
                        List.of("Thực hiện sổ trực ghi nhận: các vi phạm nội quy của học sinh, nội dung trao đổi với cha mẹ học sinh."),
                        "Tổng phụ trách Đội", List.of("Đội sao đỏ"), "Năm học 2023-2024", "Không",
                        "DANG_THUC_HIEN", 60, false, List.of("[H2-2.4-01]"), null, null, null),
                item(5, "3.1", "Khuôn viên, khu sân chơi, sân tập", 3, "Cơ sở vật chất và thiết bị dạy học",
                        "Sân tập thể dục thể thao riêng biệt.",
                        List.of("Kế hoạch xây mới hoặc cải tạo, mở rộng diện tích khuôn viên bằng cách xây thêm tầng thượng làm sân chơi, bãi tập đảm bảo theo quy định."),
                        "Hiệu trưởng", List.of("Ban Quản lý dự án Quận 10"), "Từ năm 2020 đến 2030", "Kinh phí dự án Quận",
                        "CHAM_TIEN_DO", 20, true, List.of(), null,
                        "Dự án cải tạo chưa được phê duyệt chủ trương đầu tư.",
                        "Điều chỉnh thời gian hoàn thành sang năm học 2024-2025 theo đề nghị của Ban Quản lý dự án."),
                item(6, "3.5", "Thiết bị", 3, "Cơ sở vật chất và thiết bị dạy học",
                        "Bổ sung phong phú cho thiết bị giáo dục nhà trường đồ dùng dạy học tự làm của giáo viên để sử dụng trong nhiều năm.",
                        List.of("Tạo điều kiện về kinh phí và chỉ đạo nhân viên thiết bị tổ chức hiệu quả hội thi tự làm đồ dùng dạy học."),
                        "Hiệu trưởng", List.of("Nhân viên thiết bị", "giáo viên"), "Năm học 2023-2024", "5 triệu",
                        "HOAN_THANH", 100, false, List.of("[H3-3.5-02]"), null, null, null),
                item(7, "5.3", "Thực hiện các hoạt động giáo dục khác", 5,
                        "Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục",
                        "Phấn đấu 100% học sinh tham gia các hoạt động tham quan ngoại khóa.",
                        List.of("Làm tốt hơn công tác tuyên truyền cho cha mẹ học sinh ý nghĩa, tầm quan trọng của việc học sinh tham gia hoạt động ngoại khóa.",
                                "Vận động các nguồn tài trợ hợp pháp cho học sinh tham gia."),
                        "Hiệu trưởng", List.of("Tổng phụ trách Đội", "giáo viên chủ nhiệm"), "Năm học 2023-2024",
                        "150 triệu", "DANG_THUC_HIEN", 45, false, List.of("[H5-5.3-01]", "[H5-5.3-02]"),
                        "Học kỳ I: 92% học sinh tham gia tham quan ngoại khóa.",
                        "Một số gia đình khó khăn chưa đóng góp được kinh phí tham quan.", null),
                item(8, "M4.2", "Học sinh có hoàn cảnh khó khăn, học sinh có năng khiếu hoàn thành mục tiêu giáo dục dành cho từng cá nhân",
                        0, null, "100% học sinh có hoàn cảnh khó khăn được hỗ trợ theo kế hoạch giáo dục cá nhân.",
                        List.of("Lập kế hoạch giáo dục cá nhân cho từng học sinh có hoàn cảnh khó khăn."),
                        "Phó hiệu trưởng", List.of("Giáo viên chủ nhiệm"), "Học kỳ II năm học 2023-2024", "Không",
                        "CHUA_THUC_HIEN", null, false, List.of(), null, null, null));
        return new MonitoringReport("PLAN-LDC-2023-2024", SCHOOL, List.of("Thành phố Hồ Chí Minh", "Quận 10"),
                "107/KH-LĐC", "2023-2024", "TT17-2018", "Thông tư 17/2018/TT-BGDĐT", "CUOI_HK1", "Cuối học kỳ I",
                1, MonitoringReport.SUBMITTED, LocalDate.of(2024, 1, 5), "Quận 10",
                "Nhà trường triển khai kế hoạch cải tiến chất lượng giáo dục ngay từ đầu năm học; các bộ phận được phân công rõ ràng.\n"
                        + "Đến cuối học kỳ I, phần lớn nội dung đã hoàn thành hoặc đang thực hiện đúng tiến độ.",
                "Nội dung cải tạo sân tập (tiêu chí 3.1) chậm tiến độ do phụ thuộc dự án của Quận.\n"
                        + "Sĩ số lớp vẫn cao hơn mục tiêu 35 học sinh/lớp.",
                "Đề nghị Ban Quản lý dự án Quận 10 sớm trình phê duyệt dự án cải tạo sân tập.\n"
                        + "Đề nghị Phòng GDĐT xem xét điều chỉnh chỉ tiêu tuyển sinh năm học 2024-2025.",
                null, overview(items), items, "Nguyễn Thị Lan", "Lưu Thuận Phong",
                List.of("Phòng GDĐT (để b/c)", "Hiệu trưởng"));
    }

    /** The same report as a draft correction (revision 2), to show "DỰ THẢO" and the correction line. */
    static MonitoringReport draftCorrection() {
        MonitoringReport r = leDinhChinh();
        return new MonitoringReport(r.planId(), r.schoolName(), r.managingUnit(), r.documentNumber(), r.schoolYear(),
                r.frameworkId(), r.frameworkTitle(), r.period(), r.periodLabel(), 2, MonitoringReport.DRAFT,
                r.reportDate(), r.place(), r.summary(), r.findings(), r.recommendations(),
                "bổ sung minh chứng tiêu chí 3.1", r.overview(), r.items(), r.monitoringLead(), r.principal(),
                r.recipients());
    }

    /** The report with markup-like user text in item 1's target and in the summary. */
    static MonitoringReport withHostileText(String target) {
        MonitoringReport r = leDinhChinh();
        List<Item> items = new ArrayList<>(r.items());
        Item i = items.get(0);
        items.set(0, new Item(i.no(), i.criterionCode(), i.criterionName(), i.levelGroup(), i.standardNo(),
                i.standardName(), target, i.tasks(), "Cô \"Hạnh\" & thầy O'Brien", i.coordinators(), i.time(),
                i.budget(), i.status(), i.statusLabel(), i.percent(), i.overdue(), i.evidenceCodes(),
                i.progressNarrative(), i.problems(), i.adjustments()));
        return new MonitoringReport(r.planId(), r.schoolName(), r.managingUnit(), r.documentNumber(), r.schoolYear(),
                r.frameworkId(), r.frameworkTitle(), r.period(), r.periodLabel(), r.revision(), r.state(),
                r.reportDate(), r.place(), "Tóm tắt </p><script>alert(1)</script> \u0001 hết.", r.findings(),
                r.recommendations(), r.correctionReason(), r.overview(), items, r.monitoringLead(), r.principal(),
                r.recipients());
    }

    private static Item item(int no, String code, String name, int standardNo, String standardName, String target,
                             List<String> tasks, String lead, List<String> coordinators, String time, String budget,
                             String status, Integer percent, boolean overdue, List<String> evidence,
                             String narrative, String problems, String adjustments) {
        String level = code.startsWith("M4.") ? "MỨC 4" : "MỨC 1, 2, 3";
        return new Item(no, code, name, level, standardNo, standardName, target, tasks, lead, coordinators, time,
                budget, status, null, percent, overdue, evidence, narrative, problems, adjustments);
    }

    /** Counts derived from the items so the fixture never contradicts itself. */
    private static Overview overview(List<Item> items) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        items.forEach(i -> counts.merge(i.status(), 1, Integer::sum));
        int completed = counts.getOrDefault("HOAN_THANH", 0);
        int overdue = (int) items.stream().filter(Item::overdue).count();
        return new Overview(items.size(), counts, completed, (double) completed / items.size(), overdue,
                158_000_000L, 95_500_000L);
    }

    /** Writes a sample output under target/render/ for people to open; returns its path. */
    static Path save(String name, byte[] content) {
        try {
            Path dir = Path.of("target", "render");
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
