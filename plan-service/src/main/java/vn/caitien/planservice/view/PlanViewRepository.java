package vn.caitien.planservice.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.caitien.access.PlanScope;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

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

    /** Every plan whose scope passes the filter (the caller's read access), newest school year first. */
    public List<PlanSummary> summaries(Predicate<PlanScope> visible) {
        List<PlanSummary> out = new ArrayList<>();
        jdbc.query("""
                select plan_id, school_name, document_number, school_year, framework_id, status, item_count, updated_at,
                       school_code, managing_unit
                from plan_view order by school_year desc, school_name, plan_id""", rs -> {
            if (visible.test(new PlanScope(rs.getString(9), path(rs.getString(10))))) {
                out.add(new PlanSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant()));
            }
        });
        return out;
    }

    /** Whose plan it is, without reading the document; empty when there is no such plan. */
    public Optional<PlanScope> scopeOf(String planId) {
        return jdbc.query("select school_code, managing_unit from plan_view where plan_id = ?",
                (rs, n) -> new PlanScope(rs.getString(1), path(rs.getString(2))), planId).stream().findFirst();
    }

    /** An event that changes nothing shown here still moves the plan's version on. */
    boolean setVersion(String planId, long version) {
        return jdbc.update("update plan_view set document = jsonb_set(document, '{version}', to_jsonb(?::bigint)) "
                + "where plan_id = ?", version, planId) == 1;
    }

    void save(PlanView view, Instant at) {
        PlanScope scope = view.scope();
        jdbc.update("""
                insert into plan_view (plan_id, school_name, document_number, school_year, framework_id, status,
                                       item_count, updated_at, document, school_code, managing_unit)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb))
                on conflict (plan_id) do update set school_name = excluded.school_name,
                    document_number = excluded.document_number, school_year = excluded.school_year,
                    framework_id = excluded.framework_id, status = excluded.status,
                    item_count = excluded.item_count, updated_at = excluded.updated_at, document = excluded.document,
                    school_code = excluded.school_code, managing_unit = excluded.managing_unit""",
                view.id, view.schoolName, view.documentNumber, view.schoolYear.toString(), view.frameworkId,
                view.status.name(), view.items.size(), Timestamp.from(at), write(view), scope.schoolCode(),
                write(scope.managingUnit()));
    }

    private PlanView read(String document) {
        try {
            return json.readValue(document, PlanView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable plan view", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write plan view", e);
        }
    }

    private List<String> path(String managingUnit) {
        try {
            String[] path = managingUnit == null ? null : json.readValue(managingUnit, String[].class);
            return path == null ? List.of() : Arrays.stream(path).filter(Objects::nonNull).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable managing unit " + managingUnit, e);
        }
    }
}
