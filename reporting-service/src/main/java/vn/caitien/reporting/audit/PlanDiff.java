package vn.caitien.reporting.audit;

import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.report.ReportSubmitted;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.readmodel.ItemRow;
import vn.caitien.readmodel.PlanRows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What changed in a plan between two instants, from its events in between. */
public record PlanDiff(String planId, Instant from, Instant to, List<String> itemsAdded, List<String> itemsChanged,
                       List<String> itemsRemoved, List<Progress> progressRecorded, List<String> reportsSubmitted,
                       boolean approvedInBetween, List<String> events) {

    public record Progress(String itemId, String criterionCode, String status, Integer percent, String effectiveDate) {
    }

    /** @param before the plan's rows as of {@code from}, which {@code between} continue */
    static PlanDiff between(String planId, Instant from, Instant to, PlanRows before, List<PlanEvents.Stored> between) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Progress> progress = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        boolean approved = false;
        PlanRows running = before;
        for (PlanEvents.Stored e : between) {
            lines.add("#" + e.sequence() + " " + e.description());
            Object event = e.event();
            if (event instanceof ActionItemAdded a) added.add(a.details().criterionCode() + " (" + a.itemId() + ")");
            if (event instanceof ActionItemUpdated u) changed.add(u.details().criterionCode() + " (" + u.itemId() + ")");
            if (event instanceof ActionItemRemoved r) {
                ItemRow item = current(running, r.itemId().value());
                removed.add((item == null ? "?" : item.criterionCode()) + " (" + r.itemId() + ")");
            }
            if (event instanceof ProgressRecorded p) {
                ItemRow item = current(running, p.itemId().value());
                progress.add(new Progress(p.itemId().value(), item == null ? null : item.criterionCode(),
                        p.status().name(), p.percent(), p.effectiveDate().toString()));
            }
            if (event instanceof ReportSubmitted s) reports.add(s.period() + " lần " + s.revision());
            if (event instanceof PlanApproved) approved = true;
            running = PlanEvents.evolve(running, e);
        }
        return new PlanDiff(planId, from, to, added, changed, removed, progress, reports, approved, lines);
    }

    /** The item as the plan has it at this point; one already removed is no longer the plan's. */
    private static ItemRow current(PlanRows rows, String itemId) {
        ItemRow item = rows.item(itemId);
        return item == null || item.removed() ? null : item;
    }
}
