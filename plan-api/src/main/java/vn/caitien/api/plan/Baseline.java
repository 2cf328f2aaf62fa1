package vn.caitien.api.plan;

import java.util.List;

/** The self-assessment the plan starts from: criteria met per level and the overall level reached. */
public record Baseline(List<LevelAttainment> levels, Integer overallLevel, String source) {
    public Baseline {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }
}
