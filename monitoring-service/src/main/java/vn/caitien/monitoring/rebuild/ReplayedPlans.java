package vn.caitien.monitoring.rebuild;

import com.fasterxml.jackson.databind.ObjectWriter;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.Schedule;
import vn.caitien.api.plan.PlanEvent;
import vn.caitien.api.wire.WireJson;
import vn.caitien.readmodel.EventContext;
import vn.caitien.readmodel.ItemRow;
import vn.caitien.readmodel.PlanEvolution;
import vn.caitien.readmodel.PlanRows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every plan's rows as the topic's events leave them, kept in memory while a rebuild reads: each event
 * goes through the read model's one evolve function ({@link PlanEvolution}), as it does on the live
 * path, only without a database round trip per event. Plans are kept in the order they were first seen.
 *
 * <p>An item's content (its {@link ActionItemDetails}) is kept as the JSON the details column stores, in a
 * temporary file ({@link SpilledContents}), not as objects: at the benchmark's size (45,000 items) the rows
 * took 105 MB of a 256 MB service with them, 80 MB with the JSON in memory and 55 MB with it in the file. Evolving never reads an item's content, so the rows carry
 * {@link #STOWED} in its place until {@link #details} reads it back for writing.
 */
final class ReplayedPlans {
    private static final ObjectWriter JSON = WireJson.mapper().writerFor(ActionItemDetails.class);
    private final Map<String, PlanRows> plans = new LinkedHashMap<>();
    private final Map<String, Long> contents = new HashMap<>();
    private final SpilledContents spilled;

    ReplayedPlans(SpilledContents spilled) {
        this.spilled = spilled;
    }

    /**
     * The content an event gives an item, as the JSON the details column stores; null for other events.
     * Written where the record is decoded, off the thread that applies events in order.
     */
    static byte[] contentOf(Object payload) {
        ActionItemDetails details = payload instanceof ActionItemAdded e ? e.details()
                : payload instanceof ActionItemUpdated e ? e.details() : null;
        if (details == null) return null;
        try {
            return JSON.writeValueAsBytes(details);
        } catch (IOException e) {
            throw new UncheckedIOException("Không ghi được nội dung thành JSON", e);
        }
    }

    /**
     * Applies one event of the plan it names.
     *
     * @param content the event's {@link #contentOf}
     * @throws vn.caitien.readmodel.EventRefused where the live path would park the event
     */
    void apply(PlanEvent event, EventContext context, byte[] content) {
        String planId = event.planId().value();
        PlanRows after = PlanEvolution.evolve(plans.get(planId), event, context);
        if (content != null) after = stowContent(after, event, content);
        plans.put(planId, after);
    }

    /** The item whose content the event set (its row holds the event's details) keeps it as JSON. */
    private PlanRows stowContent(PlanRows rows, PlanEvent event, byte[] content) {
        ActionItemDetails set = event instanceof ActionItemAdded e ? e.details() : ((ActionItemUpdated) event).details();
        List<ItemRow> items = null;
        for (int i = 0; i < rows.items().size(); i++) {
            ItemRow item = rows.items().get(i);
            if (item.details() != set) continue;
            contents.put(key(item), spilled.put(content));
            if (items == null) items = new ArrayList<>(rows.items());
            items.set(i, new ItemRow(item.planId(), item.itemId(), item.position(), columnsOf(set), item.status(), item.percent(),
                    item.amountSpent(), item.evidenceCodes(), item.lastEffectiveDate(), item.indicatorValues(),
                    item.narrative(), item.progressRecords(), item.amendments(), item.lastUpdatedAt(),
                    item.lastUpdatedBy(), item.removed()));
        }
        if (items == null) return rows;
        return new PlanRows(rows.plan(), items, rows.reports(), rows.lastSequence(), rows.lastRecordedAt());
    }

    /** The item's content as JSON, exactly as it was written from the event's details. */
    byte[] detailsJson(ItemRow item) { return spilled.get(contents.get(key(item))); }

    /**
     * The part of the content the columns beside the JSON are written from (criterion, level group, target,
     * lead, months, planned amount): what {@link ItemRow}'s accessors read.
     */
    static ActionItemDetails columnsOf(ActionItemDetails details) {
        Schedule schedule = details.schedule() == null ? null
                : new Schedule(details.schedule().start(), details.schedule().end(), null);
        Budget budget = details.budget() == null ? null : new Budget(details.budget().amount(), false, null, null, null);
        return new ActionItemDetails(details.criterionCode(), details.levelGroup(), details.targetResult(), null, null,
                details.lead(), null, schedule, budget, null, null);
    }

    private static String key(ItemRow item) { return item.planId() + '\n' + item.itemId(); }

    /** The plans that exist (an event of a plan never created leaves none). */
    Collection<PlanRows> plans() {
        return plans.values().stream().filter(PlanRows::exists).toList();
    }

    int planCount() { return plans.size(); }

    long itemCount() { return plans.values().stream().mapToLong(rows -> rows.items().size()).sum(); }
}
