package vn.caitien.api.plan;

/** DRAFT while the self-assessment council writes it; APPROVED once the principal issues it. */
public enum PlanStatus {
    DRAFT("Dự thảo"),
    APPROVED("Đã ban hành");

    private final String label;

    PlanStatus(String label) { this.label = label; }

    public String label() { return label; }
}
