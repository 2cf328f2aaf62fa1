package vn.caitien.monitoring.rebuild;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dedup by the plan's sequence, checked against the ids, as the live path dedups by id. */
class AppliedEventsTest {
    final AppliedEvents applied = new AppliedEvents(2);

    @Test
    void aRepublishedRangeIsSkippedAndEveryAppliedIdIsKept() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) ids.add(UUID.randomUUID().toString());
        for (int i = 0; i < 4; i++) assertThat(applied.admit("p", i, ids.get(i))).isTrue();
        // The publisher restarted from an older position: 1..3 again, then 4.
        for (int i = 1; i < 4; i++) assertThat(applied.admit("p", i, ids.get(i))).isFalse();
        assertThat(applied.admit("p", 4, ids.get(4))).isTrue();
        assertThat(applied.admit("q", 0, "not-a-uuid")).isTrue();
        assertThat(applied.admit("q", 0, "not-a-uuid")).isFalse();
        List<String> marks = new ArrayList<>();
        applied.forEachId(marks::add);
        List<String> expected = new ArrayList<>(ids);
        expected.add("not-a-uuid");
        assertThat(marks).containsExactlyElementsOf(expected);
    }

    @Test
    void anOlderSequenceWithAnotherIdIsNotTakenForADuplicate() {
        assertThat(applied.admit("p", 0, "a")).isTrue();
        assertThat(applied.admit("p", 1, "b")).isTrue();
        // Another producer reused sequence 0: the live path would apply it (new id), so the bulk path gives up.
        assertThatThrownBy(() -> applied.admit("p", 0, "c")).isInstanceOf(AppliedEvents.DuplicateCheckRefused.class);
        // A gap filled later: the live path applies it, sequence order alone would skip it.
        assertThat(applied.admit("p", 3, "d")).isTrue();
        assertThatThrownBy(() -> applied.admit("p", 2, "e")).isInstanceOf(AppliedEvents.DuplicateCheckRefused.class);
        assertThatThrownBy(() -> applied.admit("p", 10_000, "f")).isInstanceOf(AppliedEvents.DuplicateCheckRefused.class);
    }

    @Test
    void recordsWithoutSequenceAreDeduplicatedById() {
        assertThat(applied.admit("p", -1, "a")).isTrue();
        assertThat(applied.admit("p", -1, "a")).isFalse();
        assertThat(applied.admit("p", -1, "b")).isTrue();
        assertThat(applied.count()).isEqualTo(2);
    }

    @Test
    void canonicalUuidsSurviveTheirCompactForm() {
        for (int i = 0; i < 1000; i++) {
            String id = UUID.randomUUID().toString();
            assertThat(AppliedEvents.CanonicalUuid.fits(id)).isTrue();
            assertThat(AppliedEvents.CanonicalUuid.format(AppliedEvents.CanonicalUuid.high(id),
                    AppliedEvents.CanonicalUuid.low(id))).isEqualTo(id);
        }
        assertThat(AppliedEvents.CanonicalUuid.fits("2F9C0B8E-8A54-4D7B-9A53-0C6B5C3E1F21")).isFalse();
        assertThat(AppliedEvents.CanonicalUuid.fits("test-ldc-2023")).isFalse();
    }
}
