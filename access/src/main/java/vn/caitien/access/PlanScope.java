package vn.caitien.access;

import vn.caitien.api.plan.School;

import java.util.List;

/**
 * Whose plan it is, as far as access is concerned: the school's code and the administrative path
 * of the unit that manages it. Every service keeps this per plan from {@code PlanCreated}.
 */
public record PlanScope(String schoolCode, List<String> managingUnit) {
    public PlanScope {
        schoolCode = schoolCode == null || schoolCode.isBlank() ? null : schoolCode.strip();
        managingUnit = managingUnit == null ? List.of() : List.copyOf(managingUnit);
    }

    public static PlanScope of(School school) {
        return school == null ? new PlanScope(null, List.of()) : new PlanScope(school.code(), school.managingUnit());
    }
}
