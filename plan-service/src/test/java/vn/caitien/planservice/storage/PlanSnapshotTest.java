package vn.caitien.planservice.storage;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.domain.Plan;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Snapshots of a plan ({@code snapshot_event_entry}, the Plan as JSON): a plan with items, approval,
 * progress and a report comes back from its snapshot exactly as its events build it, a plan loaded from the
 * store starts at its snapshot and still decides every command as before, and a snapshot of another
 * revision of the Plan class is ignored.
 */
class PlanSnapshotTest extends StoredPlanTestSupport {
    static final String REPORT = """
            {"period": "DAU_NAM", "schoolYear": "2023-2024", "submittedOn": "2023-10-25", "summary": "Đúng tiến độ"}""";

    @Autowired
    SpringAggregateSnapshotter snapshotter;
    @Autowired
    EventStore eventStore;
    @Autowired
    Serializer serializer;

    @Test
    void aSnapshotGivesBackThePlanItsEventsBuild() throws Exception {
        planWithProgressAndAReport();
        long version = storedVersion();
        snapshotter.scheduleSnapshot(Plan.class, plan);
        await().atMost(Duration.ofSeconds(20)).until(() -> snapshotSequence() != null && snapshotSequence() == version);

        Map<String, Object> row = jdbc.queryForMap("select payload, payload_type, payload_revision from snapshot_event_entry "
                + "where aggregate_identifier = ?", plan);
        assertThat(row.get("payload_type")).isEqualTo(Plan.class.getName());
        assertThat(row.get("payload_revision")).isEqualTo("2");
        Plan fromSnapshot = serializer.deserialize(new SimpleSerializedObject<>((byte[]) row.get("payload"), byte[].class,
                new SimpleSerializedType(Plan.class.getName(), "2")));
        Plan fromEvents = replayedFromEvents();
        assertThat(fromSnapshot).usingRecursiveComparison().isEqualTo(fromEvents);
        // And once more through JSON: what a snapshot holds survives being written again.
        SerializedObject<byte[]> again = serializer.serialize(fromSnapshot, byte[].class);
        assertThat((Plan) serializer.deserialize(again)).usingRecursiveComparison().isEqualTo(fromEvents);
    }

    @Test
    void aPlanLoadedFromItsSnapshotDecidesAsBefore() throws Exception {
        planWithProgressAndAReport();
        long version = storedVersion();
        snapshotter.scheduleSnapshot(Plan.class, plan);
        await().atMost(Duration.ofSeconds(20)).until(() -> snapshotSequence() != null && snapshotSequence() == version);
        recentPlans.clear();
        DomainEventMessage<?> first = eventStore.readEvents(plan).peek();
        assertThat(first.getPayloadType()).isEqualTo(Plan.class);

        assertThat(send("POST", "/approve", "{}").status()).isEqualTo(409); // already approved
        recentPlans.clear();
        assertThat(send("POST", "/reports", REPORT).status()).isEqualTo(409); // already submitted
        recentPlans.clear();
        Api.Response unknown = recordProgress(UUID.randomUUID().toString(), 10);
        assertThat(unknown.status()).isEqualTo(404);
        recentPlans.clear();
        Api.Response noReason = send("PUT", "/items/" + item, ITEM.formatted("3.4", "Sửa sau khi ban hành"));
        assertThat(noReason.status()).as("an approved plan needs a reason for amendments").isEqualTo(422);
        recentPlans.clear();
        assertThat(recordProgress(otherItem, 60).status()).isEqualTo(201);
        assertThat(storedVersion()).isEqualTo(version + 1);
    }

    @Test
    void aSnapshotOfAnotherRevisionOfThePlanIsIgnored() throws Exception {
        planWithProgressAndAReport();
        long version = storedVersion();
        // A snapshot written by an older Plan class that knew no items: used, it would refuse progress on them.
        jdbc.update("insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                        + "meta_data, payload, payload_revision, payload_type, time_stamp) values (?, ?, 'Plan', ?, ?, ?, '0', ?, ?)",
                plan, version, UUID.randomUUID().toString(), "{}".getBytes(), ("{\"planId\":\"" + plan + "\",\"status\":\"APPROVED\"}")
                        .getBytes(), Plan.class.getName(), "2023-10-25T00:00:00.000Z");
        recentPlans.clear();

        assertThat(recordProgress(item, 70).status()).isEqualTo(201);
    }

    private void planWithProgressAndAReport() throws Exception {
        for (int percent = 10; percent <= 50; percent += 10) {
            assertThat(recordProgress(percent % 20 == 0 ? otherItem : item, percent).status()).isEqualTo(201);
        }
        Api.Response report = send("POST", "/reports", REPORT);
        assertThat(report.status()).as(report.body().toString()).isEqualTo(201);
    }

    private Long snapshotSequence() {
        return jdbc.queryForObject("select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, plan);
    }

    /** The plan as its stored events alone build it (no snapshot, no cache). */
    private Plan replayedFromEvents() {
        AggregateModel<Plan> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Plan.class);
        DomainEventStream events = eventStore.readEvents(plan, 0);
        // The aggregate's no-argument constructor is Axon's (protected): its factory makes the empty plan.
        Plan empty = new GenericAggregateFactory<>(Plan.class).createAggregateRoot(plan, events.peek());
        EventSourcedAggregate<Plan> aggregate = EventSourcedAggregate.initialize(empty, model, eventStore,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(events);
        return aggregate.getAggregateRoot();
    }
}
