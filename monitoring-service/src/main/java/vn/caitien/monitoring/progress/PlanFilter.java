package vn.caitien.monitoring.progress;

import java.util.List;

/** Which plans a list or roll-up covers; null fields mean "any". */
public record PlanFilter(List<String> unitPath, String schoolType, String frameworkId, String schoolYear,
                         String schoolKey) {
    public PlanFilter {
        unitPath = unitPath == null ? List.of() : List.copyOf(unitPath);
    }

    /** "Thành phố Hồ Chí Minh/Quận 10" → its path; blank → the whole country. */
    public static List<String> path(String unit) {
        if (unit == null || unit.isBlank()) return List.of();
        return java.util.Arrays.stream(unit.split("/")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
