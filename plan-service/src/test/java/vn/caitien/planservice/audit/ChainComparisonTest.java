package vn.caitien.planservice.audit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.caitien.api.chain.ChainCheckpoint;
import vn.caitien.api.chain.KeyFiles;
import vn.caitien.planservice.audit.ChainComparison.ReadCopy;
import vn.caitien.planservice.audit.ChainComparison.ReadLink;
import vn.caitien.planservice.audit.ChainComparison.StoreLink;
import vn.caitien.planservice.audit.ChainFinding.Kind;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's chain against the signed checkpoints and reporting-service's copy: what each kind of tampering shows as. */
class ChainComparisonTest {
    static final String PLAN = "plan-1";
    static KeyPair ours;
    static KeyPair forger;
    static Predicate<ChainCheckpoint> genuine;

    @BeforeAll
    static void keys(@TempDir Path dir) {
        ours = KeyFiles.loadOrCreateSigningKeys(dir.resolve("cp.key"), dir.resolve("cp.pub"));
        forger = KeyFiles.loadOrCreateSigningKeys(dir.resolve("forger.key"), dir.resolve("forger.pub"));
        genuine = c -> c.isSignedBy(ours.getPublic());
    }

    @Test
    void aChainMatchingItsCheckpointsAndTheReadCopyIsIntact() {
        List<ChainFinding> found = compare(store(0, 5), List.of(checkpoint(3, "h3"), checkpoint(5, "h5")), copy(0, 5));
        assertThat(found).isEmpty();
        ChainReport report = ChainReport.of(PLAN, 6, "h5", found, 2, 5L);
        assertThat(report.intact()).isTrue();
        assertThat(report.verdict()).isEqualTo(ChainReport.Verdict.NGUYEN_VEN);
        assertThat(report.message()).startsWith("Nguyên vẹn: 6 sự kiện đều có niêm phong hợp lệ, khớp 2 điểm kiểm");
    }

    @Test
    void aReadCopyBehindTheStoreIsLagNotTampering() {
        assertThat(compare(store(0, 5), List.of(), copy(0, 3))).isEmpty();
    }

    @Test
    void eventsDeletedAfterACheckpointAreATruncation() {
        List<ChainFinding> found = compare(store(0, 2), List.of(checkpoint(5, "h5")), unavailable());
        ChainFinding truncation = only(found, Kind.TRUNCATION);
        assertThat(truncation.sequence()).isEqualTo(3);
        assertThat(truncation.message()).contains("chỉ còn đến sự kiện số 2", "điểm kiểm đã ký", "3 sự kiện cuối đã bị xóa");
        assertThat(truncation.tampering()).isTrue();
    }

    @Test
    void eventsDeletedThatTheReadCopyHoldsAreATruncation() {
        ChainFinding truncation = only(compare(store(0, 3), List.of(), copy(0, 5)), Kind.TRUNCATION);
        assertThat(truncation.sequence()).isEqualTo(4);
        assertThat(truncation.message()).contains("bản sao của dịch vụ báo cáo có đến sự kiện số 5", "2 sự kiện cuối");
    }

    @Test
    void aRewrittenTailWithRecomputedHashesDiffersFromTheCheckpointAndHasNoValidSeal() {
        List<StoreLink> store = store(0, 3);
        store.add(new StoreLink(4, "e4", "rewritten-4", EventSeals.State.INVALID));
        store.add(new StoreLink(5, "e5", "rewritten-5", EventSeals.State.INVALID));
        List<ChainFinding> found = compare(store, List.of(checkpoint(5, "h5")), unavailable());

        assertThat(found).filteredOn(f -> f.kind() == Kind.TAIL_REWRITE).extracting(ChainFinding::sequence)
                .containsExactly(5L, 4L);
        assertThat(found).filteredOn(f -> f.kind() == Kind.TAIL_REWRITE && f.sequence() == 4).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("Sự kiện số 4 đến 5 có niêm phong sai dù đã được neo"));
        ChainReport report = ChainReport.of(PLAN, 6, "rewritten-5", found, 1, null);
        assertThat(report.verdict()).isEqualTo(ChainReport.Verdict.SAI_LECH);
        assertThat(report.firstBrokenSequence()).isEqualTo(4);
        assertThat(report.intact()).isFalse();
    }

    @Test
    void anEventThatDiffersFromTheReadCopyIsARewrite() {
        List<StoreLink> store = store(0, 5);
        store.set(4, new StoreLink(4, "e4", "other", EventSeals.State.VALID));
        ChainFinding rewrite = only(compare(store, List.of(), copy(0, 5)), Kind.TAIL_REWRITE);
        assertThat(rewrite.sequence()).isEqualTo(4);
        assertThat(rewrite.message()).contains("khác với bản sao của dịch vụ báo cáo");
    }

    @Test
    void anUnsealedEventBeyondTheReadCopyIsAForgedAppend() {
        List<StoreLink> store = store(0, 5);
        store.add(new StoreLink(6, "forged", "h6", EventSeals.State.MISSING));
        ChainFinding forged = only(compare(store, List.of(), copy(0, 5)), Kind.FORGED_APPEND);
        assertThat(forged.sequence()).isEqualTo(6);
        assertThat(forged.message()).contains("Sự kiện số 6 nằm sau điểm neo cuối (sự kiện số 5)", "không có niêm phong");
    }

    @Test
    void withoutAnyAnchorABadSealIsStillNamedAndTheVerdictIsNotIntact() {
        List<StoreLink> store = store(0, 4);
        store.add(new StoreLink(5, "e5", "h5", EventSeals.State.INVALID));
        List<ChainFinding> found = compare(store, List.of(), unavailable());
        assertThat(only(found, Kind.SEAL_INVALID).sequence()).isEqualTo(5);
        ChainFinding unavailable = only(found, Kind.READ_COPY_UNAVAILABLE);
        assertThat(unavailable.tampering()).isFalse();
        assertThat(unavailable.message()).startsWith("Không đối chiếu được với bản sao của dịch vụ báo cáo");
    }

    @Test
    void nothingWrongButNoReadCopyIsNotCalledIntact() {
        List<ChainFinding> found = compare(store(0, 5), List.of(checkpoint(5, "h5")), unavailable());
        assertThat(found).extracting(ChainFinding::kind).containsExactly(Kind.READ_COPY_UNAVAILABLE);
        ChainReport report = ChainReport.of(PLAN, 6, "h5", found, 1, null);
        assertThat(report.intact()).isFalse();
        assertThat(report.verdict()).isEqualTo(ChainReport.Verdict.CHUA_DOI_CHIEU_DUOC);
        assertThat(report.firstBrokenSequence()).isNull();
        assertThat(report.message()).contains("không đối chiếu được với bản sao của dịch vụ báo cáo");
    }

    @Test
    void aCheckpointNotSignedByUsIsNamedAndProvesNothing() {
        ChainCheckpoint forged = new ChainCheckpoint(PLAN, 9, "h9", Instant.parse("2024-01-15T03:00:00Z"),
                ChainCheckpoint.PERIODIC, null, null).signedWith(forger.getPrivate(), "forger");
        ChainCheckpoint unsigned = new ChainCheckpoint(PLAN, 8, "h8", Instant.parse("2024-01-15T03:00:00Z"),
                ChainCheckpoint.PERIODIC, null, null);
        List<ChainFinding> found = compare(store(0, 5), List.of(forged, unsigned), copy(0, 5));
        assertThat(found).extracting(ChainFinding::kind).containsExactly(Kind.CHECKPOINT_INVALID, Kind.CHECKPOINT_INVALID);
        assertThat(found).extracting(ChainFinding::message).anySatisfy(m -> assertThat(m).contains("có chữ ký sai"))
                .anySatisfy(m -> assertThat(m).contains("không có chữ ký"));
    }

    @Test
    void aCheckpointOfAnotherPlanIsNotCompared() {
        ChainCheckpoint other = new ChainCheckpoint("plan-2", 9, "x", Instant.parse("2024-01-15T03:00:00Z"),
                ChainCheckpoint.PERIODIC, null, null).signedWith(ours.getPrivate(), "ours");
        assertThat(compare(store(0, 5), List.of(other), copy(0, 5))).isEmpty();
    }

    @Test
    void eventsStoredBeforeSealingAreReportedButAreNotTampering() {
        List<StoreLink> store = store(0, 5);
        for (int i = 0; i < 3; i++) store.set(i, new StoreLink(i, "e" + i, "h" + i, EventSeals.State.MISSING));
        List<ChainFinding> found = compare(store, List.of(), copy(0, 5));
        ChainFinding unsealed = only(found, Kind.UNSEALED_EVENTS);
        assertThat(unsealed.tampering()).isFalse();
        assertThat(unsealed.message()).startsWith("3 sự kiện số 0 đến 2 được lưu trước khi có niêm phong");
        ChainReport report = ChainReport.of(PLAN, 6, "h5", found, 0, 5L);
        assertThat(report.intact()).isTrue();
        assertThat(report.verdict()).isEqualTo(ChainReport.Verdict.NGUYEN_VEN_CO_SU_KIEN_CHUA_NIEM_PHONG);
    }

    @Test
    void anUnsealedEventAfterSealedOnesIsTampering() {
        List<StoreLink> store = store(0, 5);
        store.set(4, new StoreLink(4, "e4", "h4", EventSeals.State.MISSING));
        ChainFinding rewrite = only(compare(store, List.of(), copy(0, 5)), Kind.TAIL_REWRITE);
        assertThat(rewrite.message()).startsWith("Sự kiện số 4 không có niêm phong");
    }

    @Test
    void aSnapshotIsReportedUnlessItsSealAndHashMatch() {
        assertThat(ChainComparison.snapshot(new SnapshotSeals.Checked(7, SnapshotSeals.State.VALID))).isEmpty();
        assertThat(ChainComparison.snapshot(null)).isEmpty();
        assertThat(ChainComparison.snapshot(new SnapshotSeals.Checked(7, SnapshotSeals.State.BAD_SEAL))).singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Kind.SNAPSHOT_MISMATCH);
                    assertThat(f.sequence()).isEqualTo(7);
                    assertThat(f.message()).contains("đã bị sửa", "dựng lại kế hoạch từ các sự kiện");
                });
        assertThat(ChainComparison.snapshot(new SnapshotSeals.Checked(7, SnapshotSeals.State.HASH_MISMATCH)))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("ghi mã băm khác"));
        assertThat(ChainComparison.snapshot(new SnapshotSeals.Checked(7, SnapshotSeals.State.UNSEALED))).singleElement()
                .satisfies(f -> assertThat(f.tampering()).isFalse());
    }

    static List<ChainFinding> compare(List<StoreLink> store, List<ChainCheckpoint> checkpoints, ReadCopy copy) {
        return ChainComparison.compare(PLAN, store, checkpoints, genuine, copy);
    }

    static ChainFinding only(List<ChainFinding> found, Kind kind) {
        return assertThat(found).filteredOn(f -> f.kind() == kind).singleElement().actual();
    }

    static List<StoreLink> store(long from, long to) {
        List<StoreLink> links = new ArrayList<>();
        LongStream.rangeClosed(from, to).forEach(n -> links.add(new StoreLink(n, "e" + n, "h" + n, EventSeals.State.VALID)));
        return links;
    }

    static ReadCopy copy(long from, long to) {
        return ReadCopy.of(LongStream.rangeClosed(from, to).mapToObj(n -> new ReadLink(n, "e" + n, "h" + n,
                n == 0 ? EventContent.GENESIS : "h" + (n - 1))).toList(), List.of());
    }

    static ReadCopy unavailable() {
        return ReadCopy.unavailable("không kết nối được tới http://127.0.0.1:1");
    }

    static ChainCheckpoint checkpoint(long sequence, String hash) {
        return new ChainCheckpoint(PLAN, sequence, hash, Instant.parse("2024-01-15T03:00:00Z"), ChainCheckpoint.PERIODIC,
                null, null).signedWith(ours.getPrivate(), KeyFiles.keyId(ours.getPublic()));
    }
}
