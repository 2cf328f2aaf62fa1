package vn.caitien.system;

import com.fasterxml.jackson.databind.JsonNode;
import vn.caitien.infra.Topics;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waits until every stored event has travelled: onto the topic, then into the read services. */
final class CatchUp {
    private CatchUp() {
    }

    /** Until every event id of the store is on the topic; returns what the topic holds then. */
    static List<TopicRecords.Event> awaitPublished(IsolatedSystem system, Set<String> storedIds, Duration timeout) {
        return await("events on the topic").atMost(timeout).pollInterval(Duration.ofSeconds(1))
                .until(() -> TopicRecords.readAll(system.stack.kafka().bootstrapServers(), Topics.PLAN_EVENTS),
                        records -> {
                            Set<String> onTopic = new HashSet<>();
                            records.forEach(r -> onTopic.add(r.eventId()));
                            return onTopic.containsAll(storedIds);
                        });
    }

    /**
     * Until monitoring has read the topic to its end (lag 0 in its health) and reporting's history of
     * every plan holds as many events as the store.
     */
    static void awaitConsumed(ManagedService monitoring, ManagedService reporting,
                              Map<String, EventStore.PlanEvents> store, String token, Duration timeout) {
        await(monitoring.label() + " reads the topic to its end").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> ReadModels.get(monitoring.uri("/actuator/health"), token), health -> {
                    JsonNode details = health.at("/components/eventProcessing/details");
                    return details.path("topicEnd").asLong() > 0 && details.path("lag").asLong(-1) == 0;
                });
        for (EventStore.PlanEvents plan : store.values()) {
            await(reporting.label() + " has the history of plan " + plan.planId()).atMost(timeout)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> ReadModels.get(reporting.uri("/api/plans/" + plan.planId() + "/history"), token),
                            h -> h.isArray() && h.size() >= plan.count());
        }
    }

    /** Nothing parked: a transient fault must never be taken for a poison event. */
    static void assertNoDeadLetters(ManagedService service, String token) throws Exception {
        JsonNode letters = ReadModels.get(service.uri("/api/admin/dead-letters"), token);
        assertThat(letters.isArray()).as("%s dead letters: %s", service.label(), letters).isTrue();
        assertThat(letters).as("%s parked events", service.label()).isEmpty();
    }
}
