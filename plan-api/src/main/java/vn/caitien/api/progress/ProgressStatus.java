package vn.caitien.api.progress;

/** The status words schools use for an item's execution. */
public enum ProgressStatus {
    CHUA_THUC_HIEN("Chưa thực hiện"),
    DANG_THUC_HIEN("Đang thực hiện"),
    HOAN_THANH("Hoàn thành"),
    CHAM_TIEN_DO("Chậm tiến độ"),
    KHONG_THUC_HIEN("Không thực hiện");

    private final String label;

    ProgressStatus(String label) { this.label = label; }

    public String label() { return label; }
}
