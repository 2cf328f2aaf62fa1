package vn.caitien.planservice.view;

import java.time.Instant;

/** One line of GET /api/plans. */
public record PlanSummary(String id, String schoolName, String documentNumber, String schoolYear,
                          String frameworkId, String status, int itemCount, Instant updatedAt) {
}
