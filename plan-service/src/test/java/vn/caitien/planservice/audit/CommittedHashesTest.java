package vn.caitien.planservice.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A remembered hash answers only for the very event it was committed with; everything else is read from the store. */
class CommittedHashesTest {
    final List<String> read = new ArrayList<>();
    final CommittedHashes hashes = new CommittedHashes((plan, sequence) -> {
        read.add(plan + "#" + sequence);
        return "stored-" + plan + "#" + sequence;
    }, 2);

    @Test
    void theHashOfTheLastCommittedEventNeedsNoRead() {
        hashes.committed("a", 7, "h7");
        assertThat(hashes.hashOf("a", 7)).isEqualTo("h7");
        assertThat(read).isEmpty();
    }

    @Test
    void anyOtherEventIsReadFromTheStore() {
        hashes.committed("a", 7, "h7");
        assertThat(hashes.hashOf("a", 8)).isEqualTo("stored-a#8"); // another instance appended 8
        assertThat(hashes.hashOf("a", 6)).isEqualTo("stored-a#6");
        assertThat(hashes.hashOf("b", 7)).isEqualTo("stored-b#7");
        assertThat(read).containsExactly("a#8", "a#6", "b#7");
    }

    @Test
    void aCommitReportedLateDoesNotReplaceANewerOne() {
        hashes.committed("a", 8, "h8");
        hashes.committed("a", 7, "h7");
        assertThat(hashes.hashOf("a", 8)).isEqualTo("h8");
        assertThat(hashes.hashOf("a", 7)).isEqualTo("stored-a#7");
    }

    @Test
    void onlyTheMostRecentlyUsedPlansAreRemembered() {
        hashes.committed("a", 1, "ha");
        hashes.committed("b", 1, "hb");
        hashes.committed("c", 1, "hc"); // a leaves
        assertThat(hashes.hashOf("a", 1)).isEqualTo("stored-a#1");
        assertThat(hashes.hashOf("c", 1)).isEqualTo("hc");
    }
}
