package vn.caitien.readmodel;

/** Where one periodic report of a plan stands against its due date ({@link Standing#report}). */
public enum ReportState {
    ON_TIME,
    LATE,
    MISSING,
    NOT_DUE
}
