package vn.caitien.reporting.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a plan's history, as GET /api/plans/{id}/history lists it. {@code actor} is the name
 * people see ("Tổ giám sát - Nguyễn Thị Mai"); {@code actorId}, the account behind it (the token
 * subject), only for those who may audit the plan, and absent for events recorded before sign-in.
 */
public record HistoryEntry(long sequence, String type, String eventId, LocalDate effectiveDate, Instant recordedAt,
                           String actor, String actorId, String correlationId, String description, JsonNode data) {
}
