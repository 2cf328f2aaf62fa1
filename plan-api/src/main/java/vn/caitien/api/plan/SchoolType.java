package vn.caitien.api.plan;

/** Kind of school, which decides the accreditation framework that applies. */
public enum SchoolType {
    MAM_NON("Mầm non"),
    TIEU_HOC("Tiểu học"),
    THCS("Trung học cơ sở"),
    THPT("Trung học phổ thông"),
    PHO_THONG_NHIEU_CAP("Phổ thông có nhiều cấp học");

    private final String label;

    SchoolType(String label) { this.label = label; }

    public String label() { return label; }
}
