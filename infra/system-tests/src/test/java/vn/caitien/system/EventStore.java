package vn.caitien.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * plan-service's event store read straight from PostgreSQL (schema {@code plan}, table
 * {@code domain_event_entry} of its Flyway migration V1): what really happened, whatever the
 * services answered. Event metadata is Jackson JSON in BYTEA and carries the command's
 * {@code correlationId}.
 */
final class EventStore {
    /** The rows of one plan, in order: how many, and whether their sequence numbers run 0..n-1. */
    record PlanEvents(String planId, long count, long maxSequence) {
        boolean contiguous() { return maxSequence == count - 1; }
    }

    private EventStore() {
    }

    /** Events per correlation id (null key: events without one). */
    static Map<String, Integer> eventsByCorrelationId(Connection plan) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Statement s = plan.createStatement(); ResultSet rows = s.executeQuery("""
                select convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId', count(*)
                from domain_event_entry group by 1""")) {
            while (rows.next()) counts.put(rows.getString(1), rows.getInt(2));
        }
        return counts;
    }

    static Map<String, PlanEvents> eventsByPlan(Connection plan) throws SQLException {
        Map<String, PlanEvents> plans = new HashMap<>();
        try (Statement s = plan.createStatement(); ResultSet rows = s.executeQuery("""
                select aggregate_identifier, count(*), max(sequence_number)
                from domain_event_entry group by aggregate_identifier""")) {
            while (rows.next()) {
                plans.put(rows.getString(1), new PlanEvents(rows.getString(1), rows.getLong(2), rows.getLong(3)));
            }
        }
        return plans;
    }

    static long total(Connection plan) throws SQLException {
        try (Statement s = plan.createStatement(); ResultSet rows = s.executeQuery("select count(*) from domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Event identifiers in store order, to compare with what reached the topic. */
    static List<String> eventIds(Connection plan) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = plan.createStatement();
             ResultSet rows = s.executeQuery("select event_identifier from domain_event_entry order by global_index")) {
            while (rows.next()) ids.add(rows.getString(1));
        }
        return ids;
    }
}
