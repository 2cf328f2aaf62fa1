package vn.caitien.infra.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checks every demo script must pass, whatever its school: what the service would refuse and what
 * would make the demo tell an inconsistent story. The tests of each script add what is particular to it.
 */
final class DemoChecks {
    // Field names of the plan-service request records, so the files stay exact API examples.
    static final Set<String> PLAN_FIELDS = Set.of("planId", "school", "frameworkId", "schoolYear",
            "documentNumber", "issueDate", "issuePlace", "legalBases", "baseline");
    static final Set<String> ITEM_FIELDS = Set.of("criterionCode", "levelGroup", "targetResult", "indicators",
            "tasks", "lead", "coordinators", "schedule", "budget", "supportConditions", "notes", "amendmentReason");
    static final Set<String> PROGRESS_FIELDS = Set.of("status", "percent", "indicatorValues", "narrative",
            "evidenceCodes", "amountSpentToDate", "effectiveDate");
    static final Set<String> REPORT_FIELDS = Set.of("period", "schoolYear", "summary", "findings",
            "recommendations", "correction", "correctionReason", "submittedOn");
    /** "[H1-1.4-01]": box (the standard), criterion, sequence. */
    static final Pattern EVIDENCE = Pattern.compile("^\\[H(\\d+)-(\\d+\\.\\d+)-\\d{2}]$");
    /** The default due dates of the three reports, in the school year "2023-2024". */
    private static final Map<String, MonthDay> DUE = Map.of(
            "DAU_NAM", MonthDay.of(10, 31), "CUOI_HK1", MonthDay.of(1, 15), "CUOI_NAM", MonthDay.of(5, 31));

    private DemoChecks() {
    }

    static void usesApiFieldsOnly(DemoData data) {
        assertThat(data.plan().request().keySet()).isSubsetOf(PLAN_FIELDS);
        for (DemoData.ItemStep item : data.items()) {
            assertThat(item.request().keySet()).as(item.key()).isSubsetOf(ITEM_FIELDS);
            assertEquals(item.criterionCode(), item.key(), "the timeline refers to rows by their criterion");
            assertThat((List<?>) item.request().get("tasks")).as(item.key()).isNotEmpty()
                    .allSatisfy(t -> assertThat((String) t).doesNotStartWith("-").isEqualTo(((String) t).strip()));
            assertThat((String) item.request().get("lead")).as(item.key()).isNotBlank().doesNotContain(",");
        }
        for (DemoData.Event event : data.timeline()) {
            Set<String> fields = event instanceof DemoData.ProgressEvent ? PROGRESS_FIELDS : REPORT_FIELDS;
            assertThat(event.request().keySet()).as(event.at().toString()).isSubsetOf(fields);
        }
    }

    /** The plan, its approval and every event in date order, between {@code from} and {@code to}. */
    static void datesInOrder(DemoData data, LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>(List.of(data.plan().at(), data.approve().at()));
        data.timeline().forEach(e -> dates.add(e.at()));
        assertThat(dates).isSorted().allSatisfy(d -> assertThat(d).isBetween(from, to));
    }

    /**
     * Checks each progress record alone (status against percent, dates, indicator names, evidence
     * code form) and returns them by plan row, in date order.
     */
    static Map<String, List<DemoData.ProgressEvent>> progressByItem(DemoData data) {
        Map<String, List<DemoData.ProgressEvent>> byItem = new LinkedHashMap<>();
        for (DemoData.Event event : data.timeline()) {
            if (!(event instanceof DemoData.ProgressEvent p)) continue;
            String where = p.itemKey() + " " + p.at();
            Map<String, Object> r = p.request();
            assertEquals(p.at().toString(), r.get("effectiveDate"), where);
            assertThat((String) r.get("narrative")).as(where).isNotBlank();

            int percent = ((BigDecimal) r.get("percent")).intValueExact();
            switch (p.status()) {
                case "HOAN_THANH" -> assertEquals(100, percent, where);
                case "CHUA_THUC_HIEN" -> assertEquals(0, percent, where);
                case "DANG_THUC_HIEN", "CHAM_TIEN_DO" -> assertThat(percent).as(where).isBetween(1, 99);
                case "KHONG_THUC_HIEN" -> assertThat(percent).as(where).isBetween(0, 100);
                default -> throw new AssertionError(where + ": unknown status " + p.status());
            }
            evidenceCriteria(p); // checks each code's form; which criteria are right depends on the script
            Set<Object> indicatorNames = ((List<?>) item(data, p.itemKey()).getOrDefault("indicators", List.of()))
                    .stream().map(i -> ((Map<?, ?>) i).get("name")).collect(Collectors.toSet());
            for (Object value : (List<?>) r.getOrDefault("indicatorValues", List.of())) {
                assertThat(indicatorNames).as(where).contains(((Map<?, ?>) value).get("name"));
                assertThat(((Map<?, ?>) value).get("value")).as(where).isInstanceOf(BigDecimal.class);
            }
            byItem.computeIfAbsent(p.itemKey(), k -> new ArrayList<>()).add(p);
        }
        assertThat(data.items().stream().map(DemoData.ItemStep::key).toList()).containsAll(byItem.keySet());
        return byItem;
    }

    /** The criteria a record's evidence codes point at; each code well formed, its box its standard. */
    static List<String> evidenceCriteria(DemoData.ProgressEvent p) {
        List<String> criteria = new ArrayList<>();
        for (Object code : (List<?>) p.request().getOrDefault("evidenceCodes", List.of())) {
            Matcher m = EVIDENCE.matcher((String) code);
            assertThat(m.matches()).as(p.itemKey() + " " + p.at() + " " + code).isTrue();
            assertEquals(m.group(1), m.group(2).substring(0, m.group(2).indexOf('.')), p.at() + " " + code);
            criteria.add(m.group(2));
        }
        return criteria;
    }

    /** Money spent is reported exactly where money is planned, never decreasing, never above the budget. */
    static void spendingIsCumulative(DemoData data, String code, List<DemoData.ProgressEvent> records) {
        Map<?, ?> budget = (Map<?, ?>) item(data, code).get("budget");
        Object amount = budget == null ? null : budget.get("amount");
        BigDecimal spentBefore = BigDecimal.ZERO;
        for (DemoData.ProgressEvent p : records) {
            Object spent = p.request().get("amountSpentToDate");
            assertEquals(amount != null, spent != null, code + " " + p.at() + ": spending only where money is planned");
            if (spent == null) continue;
            assertThat((BigDecimal) spent).as(code + " cumulative").isGreaterThanOrEqualTo(spentBefore)
                    .isLessThanOrEqualTo((BigDecimal) amount);
            spentBefore = (BigDecimal) spent;
        }
    }

    /** The reports in order, each complete, for the plan's year and sent ({@code submittedOn}) on its date. */
    static List<DemoData.ReportEvent> reports(DemoData data) {
        List<DemoData.ReportEvent> reports = data.timeline().stream()
                .filter(e -> e instanceof DemoData.ReportEvent).map(e -> (DemoData.ReportEvent) e).toList();
        for (DemoData.ReportEvent report : reports) {
            assertEquals(data.schoolYear(), report.request().get("schoolYear"), report.period());
            assertEquals(report.at().toString(), report.request().get("submittedOn"), report.period());
            for (String field : List.of("summary", "findings", "recommendations")) {
                assertThat((String) report.request().get(field)).as(report.period() + " " + field).isNotBlank();
            }
        }
        return reports;
    }

    /** The default due date of a report: 31/10, 15/01 or 31/05 of the school year. */
    static LocalDate due(String period, String schoolYear) {
        int firstYear = Integer.parseInt(schoolYear.substring(0, 4));
        return DUE.get(period).atYear("DAU_NAM".equals(period) ? firstYear : firstYear + 1);
    }

    static Map<String, Object> item(DemoData data, String code) {
        return data.items().stream().filter(i -> i.criterionCode().equals(code)).findFirst().orElseThrow().request();
    }

    static Map<?, ?> budget(DemoData data, String code) {
        return (Map<?, ?>) item(data, code).get("budget");
    }
}
