package vn.caitien.monitoring.progress;

/** Where one periodic report of a plan stands against its due date. */
public enum ReportState {
    ON_TIME("Đúng hạn"),
    LATE("Nộp trễ"),
    MISSING("Chưa nộp, quá hạn"),
    NOT_DUE("Chưa đến hạn");

    private final String label;

    ReportState(String label) { this.label = label; }

    public String label() { return label; }
}
