package vn.caitien.api.plan;

/** Self-assessment result at one level: {@code met} of {@code total} criteria reached it (e.g. 19/19). */
public record LevelAttainment(int level, int met, int total) {
}
