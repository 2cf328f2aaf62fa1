package vn.caitien.monitoring.progress;

import vn.caitien.api.plan.School;

/**
 * Identifies a school across its yearly plans: its code when the plan gives one, otherwise its
 * managing unit path and name ("Thành phố Hồ Chí Minh/Quận 10/Trường Tiểu học Lê Đình Chinh").
 */
final class SchoolKey {
    private SchoolKey() {
    }

    static String of(School school) {
        if (school == null) return "?";
        if (school.code() != null && !school.code().isBlank()) return school.code().strip();
        return String.join("/", school.managingUnit()) + "/" + school.name();
    }
}
