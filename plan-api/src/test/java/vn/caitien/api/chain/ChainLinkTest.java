package vn.caitien.api.chain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainLinkTest {
    private static final String PLAN = "6f1c1d9e-5f4b-4c1a-9d1e-3b9b2a6c0107";
    private static final String H0 = ChainLink.standInHash(ChainLink.GENESIS, "e0");
    private static final String H1 = ChainLink.standInHash(H0, "e1");

    @Test
    void aPlansFirstEventIsSequenceZeroAfterTheGenesisHash() {
        assertThat(ChainLink.check(PLAN, null, 0, ChainLink.GENESIS, H0).extendsChain()).isTrue();
        assertThat(ChainLink.check(PLAN, null, 0, H1, H0).kind()).isEqualTo(ChainLink.Kind.WRONG_PREVIOUS_HASH);
        assertThat(ChainLink.check(PLAN, null, 1, H0, H1).kind()).isEqualTo(ChainLink.Kind.SKIPPED_SEQUENCE);
    }

    @Test
    void theNextEventLinksToTheLastAppliedHash() {
        ChainLink.Head last = new ChainLink.Head(0, H0);
        assertThat(ChainLink.check(PLAN, last, 1, H0, H1).extendsChain()).isTrue();
        ChainLink.Verdict wrong = ChainLink.check(PLAN, last, 1, ChainLink.GENESIS, H1);
        assertThat(wrong.kind()).isEqualTo(ChainLink.Kind.WRONG_PREVIOUS_HASH);
        assertThat(wrong.reason()).contains("mã băm trước").contains(H0);
    }

    @Test
    void aTakenSequenceIsRefusedWhateverItsHashes() {
        ChainLink.Head last = new ChainLink.Head(1, H1);
        ChainLink.Verdict again = ChainLink.check(PLAN, last, 1, H0, H1);
        assertThat(again.kind()).isEqualTo(ChainLink.Kind.TAKEN_SEQUENCE);
        assertThat(again.reason()).contains("trùng số thứ tự").contains(PLAN);
        assertThat(ChainLink.check(PLAN, last, 0, ChainLink.GENESIS, H0).kind()).isEqualTo(ChainLink.Kind.TAKEN_SEQUENCE);
    }

    @Test
    void aSkippedSequenceWaitsForTheMissingOne() {
        ChainLink.Verdict skipped = ChainLink.check(PLAN, new ChainLink.Head(1, H1), 3, "x", "y");
        assertThat(skipped.kind()).isEqualTo(ChainLink.Kind.SKIPPED_SEQUENCE);
        assertThat(skipped.reason()).contains("thiếu sự kiện số 2");
    }

    @Test
    void anEventWithoutHashesCannotBePlaced() {
        assertThat(ChainLink.check(PLAN, null, 0, null, H0).kind()).isEqualTo(ChainLink.Kind.UNLINKED);
        assertThat(ChainLink.check(PLAN, null, 0, ChainLink.GENESIS, " ").kind()).isEqualTo(ChainLink.Kind.UNLINKED);
        assertThat(ChainLink.check(PLAN, null, -1, ChainLink.GENESIS, H0).kind()).isEqualTo(ChainLink.Kind.UNLINKED);
    }

    @Test
    void aRecordWithoutOrWithAWrongSealIsNotPlanServices() {
        assertThat(ChainLink.notSealed(PLAN, 4, TopicSeal.MISSING).reason()).contains("không có dấu niêm phong");
        assertThat(ChainLink.notSealed(PLAN, 4, TopicSeal.WRONG).reason()).contains("dấu niêm phong sai");
    }

    @Test
    void standInHashesDependOnTheLinkAndTheEvent() {
        assertThat(H0).hasSize(64).isNotEqualTo(H1);
        assertThat(ChainLink.standInHash(ChainLink.GENESIS, "e0")).isEqualTo(H0);
        assertThat(ChainLink.standInHash(H1, "e0")).isNotEqualTo(H0);
    }
}
