package vn.caitien.api.plan;

import java.util.List;

/**
 * The school that issues the plan. {@code managingUnit} is the administrative path from the top,
 * e.g. ["Thành phố Hồ Chí Minh", "Phường Diên Hồng"] or, for older plans, [..., "Quận 10"]: units
 * are data, so a new commune needs no code change.
 */
public record School(String name, String code, SchoolType type, List<String> managingUnit) {
    public School {
        managingUnit = managingUnit == null ? List.of() : List.copyOf(managingUnit);
    }
}
