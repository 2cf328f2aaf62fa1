package vn.caitien.planservice.exchange.read;

/** The uploaded file cannot be read as a plan at all; nothing is imported. */
public class UnreadableFile extends RuntimeException {

    /** Why, with the HTTP status and the Vietnamese title users read. */
    public enum Reason {
        EMPTY(400, "Tệp tải lên trống"),
        NOT_OFFICE_FILE(415, "Tệp không phải tài liệu Word (.docx) hay Excel (.xlsx)"),
        LEGACY_FORMAT(415, "Định dạng .doc/.xls cũ hoặc tệp có mật khẩu chưa được hỗ trợ"),
        CORRUPT(422, "Tệp bị hỏng, không đọc được"),
        ARCHIVE_TOO_LARGE(413, "Nội dung tệp khi giải nén quá lớn hoặc bất thường"),
        NO_PLAN_TABLE(422, "Không tìm thấy bảng kế hoạch cải tiến trong tệp");

        private final int status;
        private final String title;

        Reason(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() { return status; }

        public String title() { return title; }

        /** Stable problem type URI, one per reason. */
        public String type() { return "https://caitien.vn/problems/import-" + name().toLowerCase().replace('_', '-'); }
    }

    private final Reason reason;

    public UnreadableFile(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public UnreadableFile(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
