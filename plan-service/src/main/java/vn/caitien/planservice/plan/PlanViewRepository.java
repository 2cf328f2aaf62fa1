package vn.caitien.planservice.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores {@link PlanView} as a JSON document with the list columns beside it. */
@Repository
public class PlanViewRepository {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PlanViewRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<PlanView> find(String planId) {
        return jdbc.query("select document from plan_view where plan_id = ?",
                (rs, n) -> read(rs.getString(1)), planId).stream().findFirst();
    }

    public List<PlanSummary> summaries() {
        return jdbc.query("""
                select plan_id, school_name, document_number, school_year, framework_id, status, item_count, updated_at
                from plan_view order by school_year desc, school_name, plan_id""",
                (rs, n) -> new PlanSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant()));
    }

    void save(PlanView view, Instant at) {
        jdbc.update("""
                insert into plan_view (plan_id, school_name, document_number, school_year, framework_id, status,
                                       item_count, updated_at, document)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (plan_id) do update set school_name = excluded.school_name,
                    document_number = excluded.document_number, school_year = excluded.school_year,
                    framework_id = excluded.framework_id, status = excluded.status,
                    item_count = excluded.item_count, updated_at = excluded.updated_at, document = excluded.document""",
                view.id, view.schoolName, view.documentNumber, view.schoolYear.toString(), view.frameworkId,
                view.status.name(), view.items.size(), Timestamp.from(at), write(view));
    }

    private PlanView read(String document) {
        try {
            return json.readValue(document, PlanView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable plan view", e);
        }
    }

    private String write(PlanView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write plan view " + view.id, e);
        }
    }
}
