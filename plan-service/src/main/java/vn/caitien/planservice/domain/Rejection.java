package vn.caitien.planservice.domain;

/**
 * Why the plan refused a command: the HTTP status it maps to, the field at fault and a Vietnamese
 * title users read. The detail message of each refusal names the concrete values.
 */
public enum Rejection {
    PLAN_ALREADY_EXISTS(409, "planId", "Kế hoạch đã tồn tại"),
    UNKNOWN_FRAMEWORK(422, "frameworkId", "Bộ tiêu chuẩn đánh giá không tồn tại"),
    FRAMEWORK_NOT_FOR_SCHOOL_TYPE(422, "frameworkId", "Bộ tiêu chuẩn không áp dụng cho loại hình trường này"),
    INVALID_BASELINE(422, "baseline", "Kết quả tự đánh giá không hợp lệ"),
    UNKNOWN_CRITERION(422, "criterionCode", "Tiêu chí không có trong bộ tiêu chuẩn của kế hoạch"),
    INVALID_LEVEL_GROUP(422, "levelGroup", "Nhóm mức không phù hợp"),
    INVALID_SCHEDULE(422, "schedule", "Thời gian thực hiện không hợp lệ"),
    DUPLICATE_ITEM(409, "itemId", "Nội dung cải tiến đã tồn tại"),
    UNKNOWN_ITEM(404, "itemId", "Không tìm thấy nội dung cải tiến trong kế hoạch"),
    AMENDMENT_REASON_REQUIRED(422, "amendmentReason", "Cần nêu lý do điều chỉnh kế hoạch đã ban hành"),
    ALREADY_APPROVED(409, "status", "Kế hoạch đã được ban hành"),
    NO_ITEMS(422, "items", "Kế hoạch chưa có nội dung cải tiến nào"),
    NOT_APPROVED(409, "status", "Kế hoạch chưa được ban hành"),
    PERCENT_OUT_OF_RANGE(422, "percent", "Tỉ lệ hoàn thành phải từ 0 đến 100"),
    STATUS_CONTRADICTS_PERCENT(422, "percent", "Trạng thái và tỉ lệ hoàn thành mâu thuẫn"),
    UNKNOWN_INDICATOR(422, "indicatorValues", "Chỉ số không có trong kết quả cần đạt của nội dung này"),
    EVIDENCE_CRITERION_UNKNOWN(422, "evidenceCodes", "Mã minh chứng tham chiếu tiêu chí không có trong bộ tiêu chuẩn"),
    DUPLICATE_PROGRESS(409, "progressId", "Bản ghi tiến độ đã tồn tại"),
    REPORT_ALREADY_SUBMITTED(409, "period", "Báo cáo của kỳ này đã được nộp"),
    NOTHING_TO_CORRECT(409, "period", "Kỳ báo cáo này chưa có báo cáo để đính chính"),
    CORRECTION_REASON_REQUIRED(422, "correctionReason", "Cần nêu lý do đính chính báo cáo"),
    WRONG_SCHOOL_YEAR(422, "schoolYear", "Kỳ báo cáo không thuộc năm học của kế hoạch"),
    EVENT_TOO_LARGE(413, "body", "Nội dung quá lớn để lưu thành một thay đổi của kế hoạch"),
    TEXT_TOO_LONG(422, "body", "Nội dung một trường dài quá giới hạn"),
    TOO_MANY_ENTRIES(422, "body", "Danh sách có quá nhiều mục"),
    CONTENT_TOO_LARGE(413, "body", "Nội dung một thay đổi vượt giới hạn"),
    TOO_MANY_ITEMS(422, "items", "Kế hoạch đã đủ số nội dung cải tiến tối đa"),
    PLAN_TOO_LARGE(422, "body", "Kế hoạch đã đạt dung lượng tối đa");

    private final int status;
    private final String field;
    private final String title;

    Rejection(int status, String field, String title) {
        this.status = status;
        this.field = field;
        this.title = title;
    }

    public int status() { return status; }

    public String field() { return field; }

    public String title() { return title; }

    /** Stable problem type URI, one per rejection. */
    public String type() { return "https://caitien.vn/problems/" + name().toLowerCase().replace('_', '-'); }
}
