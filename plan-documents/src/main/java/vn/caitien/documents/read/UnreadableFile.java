package vn.caitien.documents.read;

import java.util.List;

/** The uploaded file cannot be read as a plan at all; nothing is imported. */
public class UnreadableFile extends RuntimeException {

    /** Why, with the HTTP status and the Vietnamese title users read. */
    public enum Reason {
        EMPTY(400, "Tệp tải lên trống"),
        NOT_OFFICE_FILE(415, "Tệp không phải tài liệu Word (.docx) hay Excel (.xlsx)"),
        LEGACY_FORMAT(415, "Định dạng .doc/.xls cũ hoặc tệp có mật khẩu chưa được hỗ trợ"),
        CORRUPT(422, "Tệp bị hỏng, không đọc được"),
        ARCHIVE_TOO_LARGE(413, "Nội dung tệp khi giải nén quá lớn hoặc bất thường"),
        OVER_LIMIT(413, "Tệp vượt giới hạn nội dung của một kế hoạch"),
        TOO_COMPLEX(422, "Cấu trúc tệp quá phức tạp để đọc"),
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
    private final List<Diagnostic> diagnostics;

    public UnreadableFile(Reason reason, String detail) {
        this(reason, detail, (Throwable) null);
    }

    public UnreadableFile(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
        this.diagnostics = List.of();
    }

    private UnreadableFile(Reason reason, String detail, Integer row, Integer column) {
        super(detail);
        this.reason = reason;
        this.diagnostics = List.of(new Diagnostic(Diagnostic.Severity.ERROR, row, column, "file", detail));
    }

    /** More of something than {@link ReadLimits} allow, found at this table row and column (1-based) if known. */
    static UnreadableFile overLimit(String detail, Integer row, Integer column) {
        return new UnreadableFile(Reason.OVER_LIMIT, detail, row, column);
    }

    /** A structure too deep or a read too long for {@link ReadLimits}, at this row and column if known. */
    static UnreadableFile tooComplex(String detail, Integer row, Integer column) {
        return new UnreadableFile(Reason.TOO_COMPLEX, detail, row, column);
    }

    public Reason reason() { return reason; }

    /** Where in the file the problem is, as import diagnostics (empty when the file as a whole is at fault). */
    public List<Diagnostic> diagnostics() { return diagnostics; }
}
