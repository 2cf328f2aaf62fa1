package vn.caitien.planservice.api;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;

/** Appends to a plan's stream as another plan-service instance would, in that instance's open transaction. */
final class AnotherWriter {
    private AnotherWriter() {
    }

    /** A copy of the event at {@code version} as event {@code version + 1}: one the plan can replay. */
    static void appendCopyOfEvent(JdbcTemplate jdbc, Connection other, String plan, long version) throws Exception {
        Map<String, Object> last = jdbc.queryForMap("select payload, payload_type, payload_revision, meta_data, type, "
                + "time_stamp from domain_event_entry where aggregate_identifier = ? and sequence_number = ?", plan, version);
        try (PreparedStatement insert = other.prepareStatement("insert into domain_event_entry (event_identifier, "
                + "meta_data, payload, payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, "
                + "type) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setBytes(2, (byte[]) last.get("meta_data"));
            insert.setBytes(3, (byte[]) last.get("payload"));
            insert.setString(4, (String) last.get("payload_revision"));
            insert.setString(5, (String) last.get("payload_type"));
            insert.setString(6, (String) last.get("time_stamp"));
            insert.setString(7, plan);
            insert.setLong(8, version + 1);
            insert.setString(9, (String) last.get("type"));
            insert.executeUpdate();
        }
    }
}
