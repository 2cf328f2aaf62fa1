package vn.caitien.reporting.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/** One event of a plan's history, as GET /api/plans/{id}/history lists it. */
public record HistoryEntry(long sequence, String type, String eventId, LocalDate effectiveDate, Instant recordedAt,
                           String actor, String correlationId, String description, JsonNode data) {
}
