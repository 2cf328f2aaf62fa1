package vn.caitien.reporting.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.caitien.api.wire.EventTypes;
import vn.caitien.api.wire.WireJson;
import vn.caitien.readmodel.EventContext;
import vn.caitien.readmodel.PlanEvolution;
import vn.caitien.readmodel.PlanRows;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A plan's events as reporting-service keeps them, read back as the contract's records. */
@Repository
public class PlanEvents {
    private final JdbcTemplate jdbc;

    public PlanEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Stored(long sequence, String type, Object event, Instant recordedAt, LocalDate effectiveDate,
                         String actor, String description) {
    }

    /** The plan's events recorded at or before {@code cutOff} (null = all), in the plan's order. */
    public List<Stored> upTo(String planId, Instant cutOff) {
        return jdbc.query("""
                select sequence, type, payload::text, recorded_at, effective_date, actor, description from plan_event
                where plan_id = ? and (?::timestamptz is null or recorded_at <= ?::timestamptz) order by sequence""",
                (rs, n) -> new Stored(rs.getLong(1), rs.getString(2), read(rs.getString(2), rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                        rs.getString(6), rs.getString(7)),
                planId, ts(cutOff), ts(cutOff));
    }

    public boolean exists(String planId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from plan_event where plan_id = ?)",
                Boolean.class, planId));
    }

    /**
     * The events that had taken effect by {@code cutOff} in the school's own dates: an event with an
     * effective date (issue, approval, progress, report) counts when that date is not after the cut-off
     * day; an event without one (an item written or changed) counts when it was recorded by then or
     * precedes an event that counts. This is what an auditor asking "as of 15/01/2024" about a plan
     * entered later means.
     */
    public List<Stored> inEffectBy(String planId, Instant cutOff, ZoneId zone) {
        return inEffectBy(upTo(planId, null), cutOff, zone);
    }

    /** {@link #inEffectBy(String, Instant, ZoneId)} over a plan's events already read, in the plan's order. */
    static List<Stored> inEffectBy(List<Stored> all, Instant cutOff, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(cutOff, zone);
        long lastEffective = all.stream().filter(e -> e.effectiveDate() != null && !e.effectiveDate().isAfter(day))
                .mapToLong(Stored::sequence).max().orElse(-1);
        return all.stream().filter(e -> e.effectiveDate() != null ? !e.effectiveDate().isAfter(day)
                : e.sequence() < lastEffective || !e.recordedAt().isAfter(cutOff)).toList();
    }

    /**
     * The plan's rows after these events, through the read model's evolve function; every call replays
     * from the first event given, which should be the plan's PlanCreated.
     *
     * @throws vn.caitien.readmodel.EventRefused when an item or report comes before the plan was created
     */
    public static PlanRows fold(List<Stored> events) {
        PlanRows rows = PlanRows.NONE;
        for (Stored e : events) rows = evolve(rows, e);
        return rows;
    }

    /** The rows after one more stored event. */
    public static PlanRows evolve(PlanRows rows, Stored event) {
        return PlanEvolution.evolve(rows, event.event(), new EventContext(event.recordedAt(), event.actor(),
                event.sequence()));
    }

    private static Object read(String type, String json) {
        Class<?> payloadType = EventTypes.classOf(EventTypes.PREFIX + type)
                .orElseThrow(() -> new IllegalStateException("Unknown stored event type " + type));
        try {
            return WireJson.mapper().readValue(json, payloadType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored event of type " + type, e);
        }
    }

    private static Timestamp ts(Instant instant) { return instant == null ? null : Timestamp.from(instant); }
}
