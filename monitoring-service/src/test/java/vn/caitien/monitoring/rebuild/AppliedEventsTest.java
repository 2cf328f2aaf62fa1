package vn.caitien.monitoring.rebuild;

import org.junit.jupiter.api.Test;
import vn.caitien.api.chain.ChainLink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dedup by the plan's sequence, checked against the ids, as the live path dedups by id; only chain-extending events. */
class AppliedEventsTest {
    final AppliedEvents applied = new AppliedEvents(2);
    /** Each event's (previous hash, hash) as a linked chain gives them, by id. */
    final Map<String, String[]> links = new HashMap<>();
    final Map<String, String> lastHash = new HashMap<>();

    /** The next link of the plan's chain for this id (made once per id: a resend carries the same hashes). */
    boolean admit(String plan, long sequence, String id) {
        String[] link = links.computeIfAbsent(id, i -> {
            String previous = lastHash.getOrDefault(plan, ChainLink.GENESIS);
            String hash = ChainLink.standInHash(previous, i);
            lastHash.put(plan, hash);
            return new String[]{previous, hash};
        });
        return applied.admit(plan, sequence, id, link[0], link[1]);
    }

    @Test
    void aRepublishedRangeIsSkippedAndEveryAppliedIdIsKept() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) ids.add(UUID.randomUUID().toString());
        for (int i = 0; i < 4; i++) assertThat(admit("p", i, ids.get(i))).isTrue();
        // The publisher restarted from an older position: 1..3 again, then 4.
        for (int i = 1; i < 4; i++) assertThat(admit("p", i, ids.get(i))).isFalse();
        assertThat(admit("p", 4, ids.get(4))).isTrue();
        assertThat(admit("q", 0, "not-a-uuid")).isTrue();
        assertThat(admit("q", 0, "not-a-uuid")).isFalse();
        List<String> marks = new ArrayList<>();
        applied.forEachId(marks::add);
        List<String> expected = new ArrayList<>(ids);
        expected.add("not-a-uuid");
        assertThat(marks).containsExactlyElementsOf(expected);
        Map<String, ChainLink.Head> heads = new HashMap<>();
        applied.forEachHead(heads::put);
        assertThat(heads).containsEntry("p", new ChainLink.Head(4, lastHash.get("p")))
                .containsEntry("q", new ChainLink.Head(0, lastHash.get("q")));
    }

    @Test
    void whatTheLivePathWouldParkSendsTheRebuildBackToIt() {
        assertThat(admit("p", 0, "a")).isTrue();
        assertThat(admit("p", 1, "b")).isTrue();
        // Another producer reused sequence 0.
        assertThatThrownBy(() -> admit("p", 0, "c")).isInstanceOf(AppliedEvents.DuplicateCheckRefused.class);
        // A skipped sequence.
        assertThatThrownBy(() -> admit("p", 3, "d")).isInstanceOf(AppliedEvents.DuplicateCheckRefused.class)
                .hasMessageContaining("thiếu sự kiện số 2");
        // The next sequence, linked to another hash.
        assertThatThrownBy(() -> applied.admit("p", 2, "e", ChainLink.GENESIS, "f"))
                .isInstanceOf(AppliedEvents.DuplicateCheckRefused.class).hasMessageContaining("mã băm trước");
        // No sequence, or no hashes.
        assertThatThrownBy(() -> applied.admit("p", -1, "g", null, null)).isInstanceOf(AppliedEvents.DuplicateCheckRefused.class);
        assertThatThrownBy(() -> applied.admit("r", 0, "h", ChainLink.GENESIS, null))
                .isInstanceOf(AppliedEvents.DuplicateCheckRefused.class);
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
