package vn.caitien.access;

/**
 * What a signed-in user is to the plans, taken from the plans' own organisation. A token carries the
 * names below in its {@code roles} claim; names a service does not know are ignored.
 */
public enum Role {
    /** Hiệu trưởng: creates, imports and approves the school's plan, submits its reports. */
    PRINCIPAL("Hiệu trưởng"),
    /** Thành viên hội đồng tự đánh giá: drafts and amends the plan's items. */
    COUNCIL_MEMBER("Thành viên hội đồng tự đánh giá"),
    /** Thành viên tổ giám sát: records progress on any item, drafts and submits reports. */
    MONITOR("Thành viên tổ giám sát"),
    /** Cán bộ, giáo viên, nhân viên: records progress on the items they lead. */
    STAFF("Cán bộ, giáo viên, nhân viên"),
    /** Chuyên viên phòng/sở: reads dashboards and reports of the schools under their unit. */
    OFFICER("Chuyên viên cơ quan quản lý giáo dục"),
    /** Kiểm định viên: reads history, state as of a date and verifies the chain within a scope. */
    AUDITOR("Kiểm định viên"),
    /** Quản trị hệ thống: reads everything and runs maintenance; never writes a school's plan. */
    ADMIN("Quản trị hệ thống");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** Vietnamese name shown to users. */
    public String label() {
        return label;
    }

    /**
     * The Spring Security authority a service grants a token with this role ({@code ROLE_ADMIN}…): what
     * {@code request.isUserInRole} and actuator's {@code roles} setting (health details) look for.
     */
    public String authority() {
        return "ROLE_" + name();
    }

    /** True for the people of one school, whose scope is their school code. */
    public boolean isSchoolRole() {
        return this == PRINCIPAL || this == COUNCIL_MEMBER || this == MONITOR || this == STAFF;
    }
}
