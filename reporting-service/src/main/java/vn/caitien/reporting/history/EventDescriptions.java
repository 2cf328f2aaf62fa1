package vn.caitien.reporting.history;

import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.report.ReportSubmitted;
import vn.caitien.readmodel.Labels;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** One Vietnamese sentence per event, for the auditor's history and the terminal replay. */
final class EventDescriptions {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private EventDescriptions() {
    }

    static String describe(Object event) {
        if (event instanceof PlanCreated e) {
            return "Lập kế hoạch " + e.documentNumber() + " của " + (e.school() == null ? "nhà trường"
                    : e.school().name()) + ", năm học " + e.schoolYear() + ", theo " + e.frameworkId();
        }
        if (event instanceof ActionItemAdded e) {
            return amended("Thêm nội dung cải tiến tiêu chí " + e.details().criterionCode() + " ("
                    + e.details().levelGroup() + ")", e.amendmentReason());
        }
        if (event instanceof ActionItemUpdated e) {
            return amended("Sửa nội dung cải tiến tiêu chí " + e.details().criterionCode(), e.amendmentReason());
        }
        if (event instanceof ActionItemRemoved e) {
            return amended("Bỏ nội dung cải tiến " + e.itemId(), e.amendmentReason());
        }
        if (event instanceof PlanApproved e) {
            return "Ban hành kế hoạch ngày " + day(e.approvedOn())
                    + (e.approvedBy() == null ? "" : ", người ký: " + e.approvedBy());
        }
        if (event instanceof ProgressRecorded e) {
            return "Ghi nhận tiến độ ngày " + day(e.effectiveDate()) + ": " + Labels.progressStatus(e.status())
                    + (e.percent() == null ? "" : " " + e.percent() + "%")
                    + (e.evidenceCodes().isEmpty() ? "" : ", minh chứng " + e.evidenceCodes().stream()
                    .map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (event instanceof ReportSubmitted e) {
            return (e.revision() == 1 ? "Nộp báo cáo giám sát " : "Đính chính (lần " + e.revision()
                    + ") báo cáo giám sát ") + periodOfYear(e)
                    + (e.correctionReason() == null ? "" : ", lý do: " + e.correctionReason());
        }
        return "Sự kiện " + event.getClass().getSimpleName();
    }

    /** The date the event speaks about, as opposed to when it was recorded. */
    static LocalDate effectiveDate(Object event) {
        if (event instanceof PlanCreated e) return e.issueDate();
        if (event instanceof PlanApproved e) return e.approvedOn();
        if (event instanceof ProgressRecorded e) return e.effectiveDate();
        if (event instanceof ReportSubmitted e) return e.submittedOn();
        return null;
    }

    /** "cuối học kỳ I năm học 2023-2024", but "cuối năm học 2023-2024" without saying "năm học" twice. */
    private static String periodOfYear(ReportSubmitted e) {
        String label = Labels.reportPeriod(e.period());
        String period = Character.toLowerCase(label.charAt(0)) + label.substring(1);
        return period + (period.endsWith("năm học") ? " " : " năm học ") + e.schoolYear();
    }

    private static String amended(String text, String reason) {
        return reason == null ? text : text + " (điều chỉnh sau ban hành, lý do: " + reason + ")";
    }

    private static String day(LocalDate date) { return date == null ? "?" : DAY.format(date); }
}
