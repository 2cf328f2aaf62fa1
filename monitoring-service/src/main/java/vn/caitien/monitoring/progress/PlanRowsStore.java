package vn.caitien.monitoring.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.LevelGroup;
import vn.caitien.api.item.Money;
import vn.caitien.api.item.Schedule;
import vn.caitien.api.wire.WireJson;
import vn.caitien.monitoring.messaging.QueuedWrites;
import vn.caitien.readmodel.ItemRow;
import vn.caitien.readmodel.PlanRow;
import vn.caitien.readmodel.PlanRows;
import vn.caitien.readmodel.ReportRow;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's rows of plans as plan_progress, item_progress and report_submission keep them: read in
 * three queries for any number of plans, written back as the statements that turn one version of a plan's
 * rows into the next. What these tables do not keep (narratives, amendments, report texts, legal bases…)
 * comes back empty; no rule of the columns they do keep depends on it.
 */
@Repository
public class PlanRowsStore {
    private static final TypeReference<LinkedHashMap<String, BigDecimal>> INDICATORS = new TypeReference<>() {
    };
    private final JdbcTemplate jdbc;
    private final QueuedWrites writes;

    public PlanRowsStore(JdbcTemplate jdbc, QueuedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** The rows of these plans; a plan the tables do not have is {@link PlanRows#NONE}. */
    public Map<String, PlanRows> load(Collection<String> planIds) {
        Map<String, PlanRows> loaded = new HashMap<>();
        if (planIds.isEmpty()) return loaded;
        String[] ids = planIds.stream().distinct().toArray(String[]::new);
        Map<String, PlanRow> plans = new HashMap<>();
        jdbc.query("""
                select plan_id, school_name, school_code, school_type, managing_unit, school_key, document_number,
                       school_year, framework_id, status, updated_at
                from plan_progress where plan_id = any(?)""", rs -> {
            plans.put(rs.getString(1), new PlanRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    texts(rs.getArray(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                    rs.getString(10), null, null, List.of(), null, null, instant(rs.getTimestamp(11))));
        }, (Object) ids);
        Map<String, List<ItemRow>> items = new HashMap<>();
        jdbc.query("""
                select plan_id, item_id, position, details::text, criterion_code, level_group, target_result, lead,
                       start_month, end_month, budget_planned, status, percent, amount_spent, evidence_codes,
                       last_effective_date, indicator_values::text, last_updated_at, last_updated_by, removed
                from item_progress where plan_id = any(?) order by plan_id, position""", rs -> {
            ActionItemDetails details = rs.getString(4) != null ? details(rs.getString(4))
                    : detailsOfColumns(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    month(rs.getDate(9)), month(rs.getDate(10)), (Long) rs.getObject(11));
            items.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ItemRow(rs.getString(1),
                    rs.getString(2), rs.getInt(3), details, rs.getString(12), (Integer) rs.getObject(13),
                    (Long) rs.getObject(14), texts(rs.getArray(15)), date(rs.getDate(16)), indicators(rs.getString(17)),
                    null, 0, List.of(), instant(rs.getTimestamp(18)), rs.getString(19), rs.getBoolean(20)));
        }, (Object) ids);
        Map<String, List<ReportRow>> reports = new HashMap<>();
        jdbc.query("""
                select plan_id, period, revision, submitted_on, submitted_at, submitted_by
                from report_submission where plan_id = any(?) order by plan_id, submitted_at, period, revision""", rs -> {
            reports.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ReportRow(rs.getString(1),
                    rs.getString(2), rs.getInt(3), null, null, null, null, date(rs.getDate(4)),
                    instant(rs.getTimestamp(5)), rs.getString(6)));
        }, (Object) ids);
        for (String id : ids) {
            PlanRow plan = plans.get(id);
            loaded.put(id, plan == null ? PlanRows.NONE
                    : PlanRows.of(plan, items.getOrDefault(id, List.of()), reports.getOrDefault(id, List.of())));
        }
        return loaded;
    }

    /**
     * Queues what turns {@code before} into {@code after} ({@link QueuedWrites}). One event changes at most
     * one item or report besides the plan: that change and the plan's row go as one statement, so a run of
     * events of the same kind is sent as one JDBC batch.
     */
    public void write(PlanRows before, PlanRows after) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < after.items().size(); i++) {
            ItemRow item = after.items().get(i);
            ItemRow old = i < before.items().size() ? before.items().get(i) : null;
            if (old == null) changes.add(itemInsert(item));
            else if (old != item) changes.add(old.details() == item.details() ? itemUpdate(old, item) : itemReplace(old, item));
        }
        for (int i = before.reports().size(); i < after.reports().size(); i++) changes.add(reportInsert(after.reports().get(i)));
        PlanRow plan = after.plan();
        if (plan == null) return;
        if (before.plan() == null) writes.update(PLAN_INSERT, planInsert(plan));
        if (changes.isEmpty()) {
            if (before.plan() != null && before.plan() != plan) writes.update(PLAN_UPDATE, planUpdate(plan));
            return;
        }
        for (int i = 0; i < changes.size() - 1; i++) writes.update(changes.get(i).sql(), changes.get(i).arguments());
        Change last = changes.get(changes.size() - 1);
        writes.update("with change as (" + last.sql() + ")\n" + PLAN_UPDATE, concat(last.arguments(), planUpdate(plan)));
    }

    private record Change(String sql, Object[] arguments) {
    }

    private static final String PLAN_INSERT = """
            insert into plan_progress (plan_id, school_name, school_code, school_type, managing_unit, document_number,
                                       school_year, framework_id, status, updated_at, school_key)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (plan_id) do nothing""";
    private static final String PLAN_UPDATE = "update plan_progress set status = ?, updated_at = ? where plan_id = ?";
    /**
     * The standing columns. Only the evidence codes new to the item are sent (an item may have thousands);
     * they are stored sorted and distinct by the database's collation, as always.
     */
    private static final String STANDING = """
            status = ?, percent = ?, amount_spent = ?,
            evidence_codes = array(select distinct c from unnest(evidence_codes || ?::text[]) c order by c),
            last_effective_date = ?, indicator_values = cast(? as jsonb), last_updated_at = ?, last_updated_by = ?,
            removed = ?""";
    private static final String ITEM_INSERT = """
            insert into item_progress (plan_id, item_id, position, criterion_code, level_group, target_result, lead,
                                       start_month, end_month, budget_planned, details, status, percent, amount_spent,
                                       evidence_codes, last_effective_date, indicator_values, last_updated_at,
                                       last_updated_by, removed)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?,
                    array(select distinct c from unnest(?::text[]) c order by c), ?, cast(? as jsonb), ?, ?, ?)
            on conflict (plan_id, item_id) do nothing""";
    private static final String ITEM_UPDATE = "update item_progress set " + STANDING
            + "\nwhere plan_id = ? and item_id = ?";
    private static final String ITEM_REPLACE = """
            update item_progress set criterion_code = ?, level_group = ?, target_result = ?, lead = ?, start_month = ?,
                   end_month = ?, budget_planned = ?, details = cast(? as jsonb),
            """ + STANDING + "\nwhere plan_id = ? and item_id = ?";
    private static final String REPORT_INSERT = """
            insert into report_submission (plan_id, period, revision, submitted_at, submitted_by, submitted_on)
            values (?, ?, ?, ?, ?, ?) on conflict do nothing""";

    private static Object[] planInsert(PlanRow p) {
        return new Object[]{p.planId(), p.schoolName(), p.schoolCode(), p.schoolType(),
                p.managingUnit().toArray(String[]::new), p.documentNumber(), p.schoolYear(), p.frameworkId(),
                p.status(), Timestamp.from(p.updatedAt()), p.schoolKey()};
    }

    private static Object[] planUpdate(PlanRow p) {
        return new Object[]{p.status(), Timestamp.from(p.updatedAt()), p.planId()};
    }

    private static Change itemInsert(ItemRow i) {
        return new Change(ITEM_INSERT, concat(new Object[]{i.planId(), i.itemId(), i.position()}, content(i),
                standing(i, i.evidenceCodes())));
    }

    private static Change itemUpdate(ItemRow old, ItemRow i) {
        return new Change(ITEM_UPDATE, concat(standing(i, newEvidence(old, i)), new Object[]{i.planId(), i.itemId()}));
    }

    private static Change itemReplace(ItemRow old, ItemRow i) {
        return new Change(ITEM_REPLACE, concat(content(i), standing(i, newEvidence(old, i)),
                new Object[]{i.planId(), i.itemId()}));
    }

    /** The codes {@code after} has and {@code before} has not: both lists are sorted, one pass. */
    private static List<String> newEvidence(ItemRow before, ItemRow after) {
        List<String> old = before.evidenceCodes();
        List<String> now = after.evidenceCodes();
        if (old == now) return List.of();
        List<String> added = new ArrayList<>();
        int i = 0;
        for (String code : now) {
            while (i < old.size() && old.get(i).compareTo(code) < 0) i++;
            if (i >= old.size() || !old.get(i).equals(code)) added.add(code);
        }
        return added;
    }

    private static Change reportInsert(ReportRow r) {
        return new Change(REPORT_INSERT, new Object[]{r.planId(), r.period(), r.revision(),
                Timestamp.from(r.recordedAt()), r.actor(), r.submittedOn() == null ? null : Date.valueOf(r.submittedOn())});
    }

    private static Object[] content(ItemRow i) {
        return new Object[]{i.criterionCode(), i.levelGroup(), i.targetResult(), i.lead(), sqlMonth(i.start()),
                sqlMonth(i.end()), i.budgetPlanned(), json(i.details())};
    }

    private static Object[] standing(ItemRow i, List<String> evidence) {
        return new Object[]{i.status(), i.percent(), i.amountSpent(), evidence.toArray(String[]::new),
                i.lastEffectiveDate() == null ? null : Date.valueOf(i.lastEffectiveDate()), json(i.indicatorValues()),
                i.lastUpdatedAt() == null ? null : Timestamp.from(i.lastUpdatedAt()), i.lastUpdatedBy(), i.removed()};
    }

    private static Object[] concat(Object[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        Object[] all = new Object[length];
        int at = 0;
        for (Object[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /**
     * Rows written before the details column existed keep their content only in columns: the details are
     * rebuilt from those (a later update replaces them whole).
     */
    private static ActionItemDetails detailsOfColumns(String criterion, String levelGroup, String target, String lead,
                                                      YearMonth start, YearMonth end, Long budget) {
        return new ActionItemDetails(CriterionCode.parse(criterion), LevelGroup.parse(levelGroup), target, List.of(),
                List.of(), lead, List.of(), start == null && end == null ? null : new Schedule(start, end, null),
                budget == null ? null : new Budget(Money.of(budget), false, null, null, null), null, null);
    }

    private static ActionItemDetails details(String json) {
        try {
            return WireJson.mapper().readValue(json, ActionItemDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable item details in read model", e);
        }
    }

    private static Map<String, BigDecimal> indicators(String json) {
        if (json == null) return Map.of();
        try {
            return WireJson.mapper().readValue(json, INDICATORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable indicator values in read model", e);
        }
    }

    private static String json(Object value) {
        try {
            return WireJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) { return timestamp == null ? null : timestamp.toInstant(); }

    private static LocalDate date(Date date) { return date == null ? null : date.toLocalDate(); }

    private static YearMonth month(Date date) { return date == null ? null : YearMonth.from(date.toLocalDate()); }

    private static Date sqlMonth(YearMonth month) { return month == null ? null : Date.valueOf(month.atDay(1)); }
}
