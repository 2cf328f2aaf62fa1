package vn.caitien.monitoring.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.caitien.monitoring.rebuild.RebuildEvents.added;
import static vn.caitien.monitoring.rebuild.RebuildEvents.created;

/**
 * A record the bulk rebuild cannot apply sends it back to the per-event replay. Such a record stays on
 * the topic for good and sends every later rebuild back too, so these tests have a topic and schema of
 * their own, away from {@link ProjectionRebuildTest}'s bulk rebuilds. Each test's record is on the topic
 * once it has run, so a test asserts only what holds whichever of them ran first: the fall-back
 * happened and names one of those records' plans, the test's own plan is parked in the dead letters, and
 * the replay leaves the rows the events left one by one.
 */
@Tag("integration")
class RebuildFallbackTest extends RebuildOnOwnTopic {
    @RegisterExtension
    static final OwnTopic OWN = new OwnTopic("monitoring_rebuild_fallback_test", "caitien.rebuild-fallback-test.events",
            "caitien.rebuild-fallback-test.progress");
    static final String FALL_BACK = "phát lại từng sự kiện";
    /** Plans whose records the bulk path refuses, put on the topic by the tests run so far. */
    static final Set<String> refusedPlans = ConcurrentHashMap.newKeySet();
    ScriptedEvents script;

    @DynamicPropertySource
    static void ownSchemaAndTopic(DynamicPropertyRegistry registry) { OWN.register(registry); }

    @BeforeEach
    void publisher() { script = OWN.script(); }

    @Test
    void aRecordTheBulkPathCannotApplyFallsBackToTheEventByEventReplay() {
        String poison = "rb-" + RUN + "-doc";
        refusedPlans.add(poison);
        script.publish(poison, added(poison, "muc", "1.4", "Nội dung của kế hoạch chưa tạo"), Instant.now(), "Hội đồng");
        awaitDeadLetters(poison, 1);
        ReadModelRows incremental = ReadModelRows.of(jdbc);

        assertFellBack(rebuild());
        awaitDeadLetters(poison, 1);
        ReadModelRows.of(jdbc).assertSameAs(incremental);
    }

    @Test
    void aForgedRecordOnTheTopicIsParkedByTheRebuildAsLiveAndTheGenuineOnesAreApplied() {
        String plan = "rb-" + RUN + "-gia";
        refusedPlans.add(plan);
        String genuine0 = script.publish(plan, created(plan, "Trường Thật", null), Instant.now(), "Hội đồng");
        // Unsealed, as kcat would produce it; then the genuine sequence 1 and, sealed, a second sequence 1.
        script.publishUnsealed(plan, added(plan, "gia", "1.1", "Nội dung giả"), 1);
        String genuine1 = script.publish(plan, added(plan, "that", "1.2", "Nội dung thật"), Instant.now(), "Hội đồng");
        script.publishAt(plan, added(plan, "gia-2", "1.3", "Nội dung giả trùng số"), 1);
        awaitMarked(Set.of(genuine0, genuine1));
        awaitDeadLetters(plan, 2);
        ReadModelRows live = ReadModelRows.of(jdbc);

        assertFellBack(rebuild());
        awaitDeadLetters(plan, 2);
        ReadModelRows replayed = ReadModelRows.of(jdbc);
        assertThat(replayed.items()).containsExactlyElementsOf(live.items())
                .anyMatch(row -> row.contains("item_id=that")).noneMatch(row -> row.contains("item_id=gia"));
        assertThat(replayed.chainHeads()).containsExactlyElementsOf(live.chainHeads());
    }

    /** The rebuild went event by event, for a refused record of one of the plans on the topic (whichever it met first). */
    private static void assertFellBack(JsonNode done) {
        String message = done.get("message").asText();
        assertThat(message).contains(FALL_BACK);
        assertThat(refusedPlans).as(message).anyMatch(message::contains);
    }

    private void awaitDeadLetters(String plan, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettersOf(plan) == count);
    }
}
