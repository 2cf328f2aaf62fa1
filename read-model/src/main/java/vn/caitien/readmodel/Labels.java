package vn.caitien.readmodel;

import vn.caitien.api.progress.ProgressStatus;
import vn.caitien.api.report.ReportPeriod;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Vietnamese words the pages and the reports show for the codes of the rows: progress statuses,
 * report states, plan statuses, report periods and school types. The web reads them from the API
 * ({@link #all()}); the codes themselves are the wire format's enum names.
 */
public final class Labels {
    private static final Map<String, String> PROGRESS_STATUSES = ordered(
            "CHUA_THUC_HIEN", "Chưa thực hiện",
            "DANG_THUC_HIEN", "Đang thực hiện",
            "HOAN_THANH", "Hoàn thành",
            "CHAM_TIEN_DO", "Chậm tiến độ",
            "KHONG_THUC_HIEN", "Không thực hiện");
    private static final Map<String, String> REPORT_STATES = ordered(
            "ON_TIME", "Đúng hạn",
            "LATE", "Nộp trễ",
            "MISSING", "Chưa nộp, quá hạn",
            "NOT_DUE", "Chưa đến hạn");
    private static final Map<String, String> PLAN_STATUSES = ordered(
            "DRAFT", "Dự thảo",
            "APPROVED", "Đã ban hành");
    private static final Map<String, String> REPORT_PERIODS = ordered(
            "DAU_NAM", "Đầu năm học",
            "CUOI_HK1", "Cuối học kỳ I",
            "CUOI_NAM", "Cuối năm học");
    /** Short, as lists and headings show them next to the unit ("THCS · Quận 10"). */
    private static final Map<String, String> SCHOOL_TYPES = ordered(
            "MAM_NON", "Mầm non",
            "TIEU_HOC", "Tiểu học",
            "THCS", "THCS",
            "THPT", "THPT",
            "PHO_THONG_NHIEU_CAP", "Phổ thông nhiều cấp");

    private Labels() {
    }

    /** "Hoàn thành" for HOAN_THANH; an unknown code is shown as it is. */
    public static String progressStatus(String code) { return label(PROGRESS_STATUSES, code); }

    public static String progressStatus(ProgressStatus status) { return progressStatus(status.name()); }

    public static String reportState(ReportState state) { return label(REPORT_STATES, state.name()); }

    public static String reportState(String code) { return label(REPORT_STATES, code); }

    /** "Dự thảo" / "Đã ban hành". */
    public static String planStatus(String code) { return label(PLAN_STATUSES, code); }

    public static String reportPeriod(ReportPeriod period) { return label(REPORT_PERIODS, period.name()); }

    public static String reportPeriod(String code) { return label(REPORT_PERIODS, code); }

    public static String schoolType(String code) { return label(SCHOOL_TYPES, code); }

    /** Every progress status code and its label, in the order the pages list them. */
    public static Map<String, String> progressStatuses() { return PROGRESS_STATUSES; }

    /**
     * Every list, by name, in display order: progressStatuses, reportStates, planStatuses, reportPeriods,
     * schoolTypes — what GET /api/labels answers.
     */
    public static Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        all.put("progressStatuses", PROGRESS_STATUSES);
        all.put("reportStates", REPORT_STATES);
        all.put("planStatuses", PLAN_STATUSES);
        all.put("reportPeriods", REPORT_PERIODS);
        all.put("schoolTypes", SCHOOL_TYPES);
        return Collections.unmodifiableMap(all);
    }

    private static String label(Map<String, String> labels, String code) {
        if (code == null) return null;
        return labels.getOrDefault(code, code);
    }

    private static Map<String, String> ordered(String... codesAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) labels.put(codesAndLabels[i], codesAndLabels[i + 1]);
        return Collections.unmodifiableMap(labels);
    }
}
