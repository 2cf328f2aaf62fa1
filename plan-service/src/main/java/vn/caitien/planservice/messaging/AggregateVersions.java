package vn.caitien.planservice.messaging;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A plan's version as the event store holds it: the sequence number of its last stored event. */
@Component
public class AggregateVersions {
    private final JdbcTemplate jdbc;

    AggregateVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last sequence number, or -1 when the plan has no events. */
    public long current(String aggregateId) {
        Long version = jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
        return version == null ? -1 : version;
    }
}
