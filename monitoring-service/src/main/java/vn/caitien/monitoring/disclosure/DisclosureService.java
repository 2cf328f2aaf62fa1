package vn.caitien.monitoring.disclosure;

import vn.caitien.api.plan.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;
import vn.caitien.monitoring.messaging.ConsumerConfiguration;
import vn.caitien.monitoring.progress.ItemProgress;
import vn.caitien.monitoring.progress.PlanProgress;
import vn.caitien.monitoring.progress.PlanProgressService;
import vn.caitien.monitoring.progress.PlanSummary;
import vn.caitien.monitoring.progress.ProgressReadModel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The public page of a school: its approved plans, copied through an allow-list (see {@link PublicDisclosure}). */
@Service
public class DisclosureService {
    private final ProgressReadModel readModel;
    private final PlanProgressService progress;

    public DisclosureService(ProgressReadModel readModel, PlanProgressService progress) {
        this.readModel = readModel;
        this.progress = progress;
    }

    /** Empty when the school is unknown or has no approved plan: drafts are not published. */
    public Optional<PublicDisclosure> school(String schoolCode) {
        if (schoolCode == null || schoolCode.isBlank()) return Optional.empty();
        List<ProgressReadModel.PlanRow> rows = readModel.approvedPlansOfSchool(schoolCode.strip());
        if (rows.isEmpty()) return Optional.empty();
        List<PublicDisclosure.Plan> plans = rows.stream().map(row -> plan(progress.progress(row))).toList();
        ProgressReadModel.PlanRow latest = rows.get(0);
        Instant updated = rows.stream().map(ProgressReadModel.PlanRow::updatedAt).max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of(new PublicDisclosure(latest.schoolKey(), latest.schoolName(), latest.schoolType(),
                latest.managingUnit(), date(updated), plans));
    }

    private static PublicDisclosure.Plan plan(PlanProgress p) {
        PlanSummary s = p.summary();
        List<PublicDisclosure.Report> reports = s.reports().stream().map(r -> new PublicDisclosure.Report(
                r.period(), r.label(), r.dueDate(), r.state(), r.stateLabel(), r.submittedOn(), r.latestRevision())).toList();
        List<PublicDisclosure.Item> items = new ArrayList<>();
        for (ItemProgress item : p.items()) items.add(item(items.size() + 1, item));
        return new PublicDisclosure.Plan(p.schoolYear(), s.documentNumber(), p.frameworkId(), date(s.updatedAt()),
                s.itemCount(), s.completedCount(), s.overdueCount(), s.completionRate(), s.budgetPlanned(),
                s.amountSpent(), p.counts(), reports, items);
    }

    private static PublicDisclosure.Item item(int position, ItemProgress i) {
        JsonNode d = i.details() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : i.details();
        JsonNode schedule = d.path("schedule");
        JsonNode budget = d.path("budget");
        return new PublicDisclosure.Item(position, i.criterionCode(), i.criterionName(), i.standardNo(),
                i.standardName(), i.levelGroup(), text(d.path("targetResult")),
                indicators(d.path("indicators"), i.indicatorValues()), texts(d.path("tasks")), text(d.path("lead")),
                texts(d.path("coordinators")), i.start(), i.end(), text(schedule.path("text")), i.budgetPlanned(),
                budget.path("perSchoolYear").asBoolean(false), text(budget.path("fundingSource")),
                text(budget.path("text")), text(d.path("supportConditions")), i.amountSpent(), i.status(),
                i.statusLabel(), i.percent(), i.overdue(), i.daysLate(), i.lastEffectiveDate());
    }

    private static List<PublicDisclosure.Indicator> indicators(JsonNode indicators, JsonNode values) {
        List<PublicDisclosure.Indicator> out = new ArrayList<>();
        for (JsonNode ind : indicators) {
            String name = text(ind.path("name"));
            JsonNode current = values == null || name == null ? null : values.get(name);
            out.add(new PublicDisclosure.Indicator(name, number(ind.path("baseline")), number(ind.path("target")),
                    text(ind.path("unit")), current == null ? null : number(current)));
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) if (n.isValueNode() && !n.isNull()) out.add(n.asText());
        return out;
    }

    private static BigDecimal number(JsonNode node) {
        return node != null && node.isNumber() ? node.decimalValue() : null;
    }

    private static LocalDate date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, BusinessTime.ZONE);
    }
}
