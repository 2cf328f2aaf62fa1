package vn.caitien.api.wire;

import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.report.ReportSubmitted;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stable, language-neutral names of the plan's events on the wire ("vn.caitien.plan.ProgressRecorded").
 * A renamed or moved Java class keeps its wire name here, so consumers outside Java never break.
 */
public final class EventTypes {
    public static final String PREFIX = "vn.caitien.plan.";

    private static final List<Class<?>> EVENTS = List.of(
            PlanCreated.class, ActionItemAdded.class, ActionItemUpdated.class, ActionItemRemoved.class,
            PlanApproved.class, ProgressRecorded.class, ReportSubmitted.class);

    private static final Map<String, Class<?>> BY_NAME = EVENTS.stream()
            .collect(Collectors.toUnmodifiableMap(EventTypes::nameOf, Function.identity()));

    private EventTypes() {
    }

    /** The wire name of an event class, e.g. "vn.caitien.plan.PlanCreated". */
    public static String nameOf(Class<?> eventClass) {
        if (!EVENTS.contains(eventClass)) {
            throw new IllegalArgumentException("Not a plan event: " + eventClass.getName());
        }
        return PREFIX + eventClass.getSimpleName();
    }

    /** The short name users see ("ProgressRecorded"). */
    public static String shortName(Class<?> eventClass) { return nameOf(eventClass).substring(PREFIX.length()); }

    public static Optional<Class<?>> classOf(String wireName) { return Optional.ofNullable(BY_NAME.get(wireName)); }

    public static List<Class<?>> all() { return EVENTS; }
}
