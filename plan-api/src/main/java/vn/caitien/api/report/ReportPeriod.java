package vn.caitien.api.report;

/** The monitoring team's three check points of a school year. */
public enum ReportPeriod {
    DAU_NAM("Đầu năm học"),
    CUOI_HK1("Cuối học kỳ I"),
    CUOI_NAM("Cuối năm học");

    private final String label;

    ReportPeriod(String label) { this.label = label; }

    public String label() { return label; }
}
