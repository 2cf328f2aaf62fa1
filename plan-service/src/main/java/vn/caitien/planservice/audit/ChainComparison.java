package vn.caitien.planservice.audit;

import vn.caitien.api.plan.BusinessTime;
import vn.caitien.api.chain.ChainCheckpoint;
import vn.caitien.planservice.audit.ChainFinding.Kind;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a plan's stored chain with what is kept outside the event table: the signed checkpoints (plan-service's
 * own table and reporting-service's copy) and reporting-service's copy of the events. Pure: the facts in, the
 * findings out.
 * <ul>
 *   <li>truncation: the store ends before a genuine checkpoint's sequence or the read copy's last event;</li>
 *   <li>tail rewrite: the stored hash at a checkpoint's or read copy's sequence differs, or an event that is
 *   anchored there has no valid seal;</li>
 *   <li>forged append: an event beyond the last anchor without a valid seal;</li>
 *   <li>a checkpoint not signed by plan-service's key;</li>
 *   <li>events stored before sealing existed (a prefix of the plan, no later than the read copy) are not
 *   tampering, only less protected: reported as such.</li>
 * </ul>
 */
final class ChainComparison {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy")
            .withZone(BusinessTime.ZONE);

    /** One stored event as the chain walk saw it. */
    record StoreLink(long sequence, String eventId, String hash, EventSeals.State seal) {
    }

    /** One event of reporting-service's copy. */
    record ReadLink(long sequence, String eventId, String hash, String previousHash) {
    }

    /** reporting-service's copy of the plan's chain, or why it could not be had. */
    record ReadCopy(List<ReadLink> events, List<ChainCheckpoint> checkpoints, String unavailable) {
        static ReadCopy of(List<ReadLink> events, List<ChainCheckpoint> checkpoints) {
            return new ReadCopy(List.copyOf(events), List.copyOf(checkpoints), null);
        }

        static ReadCopy unavailable(String reason) {
            return new ReadCopy(List.of(), List.of(), reason);
        }

        boolean available() { return unavailable == null; }

        long head() { return events.stream().mapToLong(ReadLink::sequence).max().orElse(-1); }
    }

    private ChainComparison() {
    }

    /**
     * @param store    the stored events in sequence order
     * @param genuine  whether a checkpoint's signature is plan-service's
     */
    static List<ChainFinding> compare(String planId, List<StoreLink> store, List<ChainCheckpoint> checkpoints,
                                      Predicate<ChainCheckpoint> genuine, ReadCopy readCopy) {
        List<ChainFinding> found = new ArrayList<>();
        Map<Long, StoreLink> bySequence = store.stream()
                .collect(Collectors.toMap(StoreLink::sequence, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        long storeHead = store.isEmpty() ? -1 : store.get(store.size() - 1).sequence();
        List<ChainCheckpoint> anchors = new ArrayList<>();
        for (ChainCheckpoint c : new LinkedHashSet<>(checkpoints)) {
            if (!planId.equals(c.planId())) continue;
            if (genuine.test(c)) {
                anchors.add(c);
            } else {
                found.add(ChainFinding.of(Kind.CHECKPOINT_INVALID, c.sequence(), "Điểm kiểm của sự kiện số " + c.sequence()
                        + " (lập lúc " + WHEN.format(c.createdAt()) + ") " + (c.signature() == null ? "không có chữ ký"
                        : "có chữ ký sai") + ": không phải do plan-service ký, hoặc đã bị sửa"));
            }
        }
        anchors.sort(Comparator.comparingLong(ChainCheckpoint::sequence));
        long readHead = readCopy.available() ? readCopy.head() : -1;
        truncation(found, storeHead, anchors, readHead);
        for (ChainCheckpoint c : anchors) {
            StoreLink stored = bySequence.get(c.sequence());
            if (stored != null && !c.hash().equals(stored.hash())) {
                found.add(ChainFinding.of(Kind.TAIL_REWRITE, c.sequence(), "Mã băm của sự kiện số " + c.sequence()
                        + " trong kho khác với điểm kiểm đã ký lúc " + WHEN.format(c.createdAt()) + " (" + reason(c)
                        + "): sự kiện này hoặc các sự kiện trước nó đã bị viết lại"));
            }
        }
        for (ReadLink r : readCopy.events()) {
            StoreLink stored = bySequence.get(r.sequence());
            if (stored != null && (!r.hash().equals(stored.hash()) || !r.eventId().equals(stored.eventId()))) {
                found.add(ChainFinding.of(Kind.TAIL_REWRITE, r.sequence(), "Sự kiện số " + r.sequence()
                        + " trong kho khác với bản sao của dịch vụ báo cáo (mã sự kiện hoặc mã băm khác): đã bị viết lại"));
                break;
            }
        }
        long lastAnchor = Math.max(readHead, anchors.isEmpty() ? -1 : anchors.get(anchors.size() - 1).sequence());
        seals(found, store, readCopy, lastAnchor);
        if (!readCopy.available()) {
            found.add(ChainFinding.of(Kind.READ_COPY_UNAVAILABLE, null,
                    "Không đối chiếu được với bản sao của dịch vụ báo cáo: " + readCopy.unavailable()));
        }
        return distinct(found);
    }

    /** What a plan's latest snapshot says, if it is anything but valid. */
    static List<ChainFinding> snapshot(SnapshotSeals.Checked snapshot) {
        if (snapshot == null || snapshot.state() == SnapshotSeals.State.VALID) return List.of();
        String which = "Ảnh chụp trạng thái kế hoạch tại sự kiện số " + snapshot.sequence();
        String ignored = "; dịch vụ không dùng nó mà dựng lại kế hoạch từ các sự kiện";
        return List.of(switch (snapshot.state()) {
            case UNSEALED -> ChainFinding.of(Kind.UNSEALED_SNAPSHOT, snapshot.sequence(), which
                    + " chưa niêm phong (lập trước khi có niêm phong, hoặc niêm phong đã bị gỡ)" + ignored);
            case HASH_MISMATCH -> ChainFinding.of(Kind.SNAPSHOT_MISMATCH, snapshot.sequence(), which
                    + " ghi mã băm khác với sự kiện số " + snapshot.sequence() + " trong kho" + ignored);
            default -> ChainFinding.of(Kind.SNAPSHOT_MISMATCH, snapshot.sequence(), which
                    + " đã bị sửa: niêm phong không khớp nội dung" + ignored);
        });
    }

    private static void truncation(List<ChainFinding> found, long storeHead, List<ChainCheckpoint> anchors, long readHead) {
        ChainCheckpoint furthest = anchors.isEmpty() ? null : anchors.get(anchors.size() - 1);
        long checkpointHead = furthest == null ? -1 : furthest.sequence();
        long evidence = Math.max(checkpointHead, readHead);
        if (evidence <= storeHead) return;
        String source = checkpointHead >= readHead
                ? "điểm kiểm đã ký lúc " + WHEN.format(furthest.createdAt()) + " (" + reason(furthest) + ")"
                : "bản sao của dịch vụ báo cáo";
        found.add(ChainFinding.of(Kind.TRUNCATION, storeHead + 1, (storeHead < 0 ? "Kho không còn sự kiện nào"
                : "Kho sự kiện chỉ còn đến sự kiện số " + storeHead) + ", nhưng " + source + " có đến sự kiện số " + evidence
                + ": " + (evidence - storeHead) + " sự kiện cuối đã bị xóa"));
    }

    /** Events without a valid seal, in runs of consecutive events of the same kind. */
    private static void seals(List<ChainFinding> found, List<StoreLink> store, ReadCopy readCopy, long lastAnchor) {
        boolean sealedBefore = false;
        List<Long> legacy = new ArrayList<>();
        Run run = null;
        for (StoreLink link : store) {
            long n = link.sequence();
            if (link.seal() == EventSeals.State.VALID) {
                sealedBefore = true;
                continue;
            }
            boolean legacyEvent = link.seal() == EventSeals.State.MISSING && !sealedBefore
                    && (!readCopy.available() || n <= readCopy.head());
            if (legacyEvent) {
                legacy.add(n);
                continue;
            }
            Kind kind = n <= lastAnchor ? Kind.TAIL_REWRITE : lastAnchor >= 0 ? Kind.FORGED_APPEND : Kind.SEAL_INVALID;
            String what = link.seal() == EventSeals.State.MISSING ? "không có niêm phong" : "có niêm phong sai";
            if (run != null && run.kind == kind && run.what.equals(what) && run.last == n - 1) {
                run.last = n;
            } else {
                if (run != null) found.add(run.finding(lastAnchor));
                run = new Run(kind, what, n);
            }
        }
        if (run != null) found.add(run.finding(lastAnchor));
        if (!legacy.isEmpty()) {
            found.add(ChainFinding.of(Kind.UNSEALED_EVENTS, legacy.get(0), legacy.size() + " sự kiện "
                    + range(legacy.get(0), legacy.get(legacy.size() - 1)) + " được lưu trước khi có niêm phong: chỉ được "
                    + "bảo vệ bằng chuỗi băm và các điểm kiểm, không phải tự chúng bị sửa"));
        }
    }

    private static final class Run {
        final Kind kind;
        final String what;
        final long first;
        long last;

        Run(Kind kind, String what, long first) {
            this.kind = kind;
            this.what = what;
            this.first = first;
            this.last = first;
        }

        ChainFinding finding(long lastAnchor) {
            String events = "Sự kiện " + range(first, last);
            return ChainFinding.of(kind, first, switch (kind) {
                case TAIL_REWRITE -> events + " " + what + " dù đã được neo (điểm kiểm hoặc bản sao của dịch vụ báo cáo"
                        + " đến sự kiện số " + lastAnchor + "): đã bị viết lại bởi người không có khoá niêm phong";
                case FORGED_APPEND -> events + " nằm sau điểm neo cuối (sự kiện số " + lastAnchor + ") và " + what
                        + ": đã bị thêm giả vào kho (hoặc viết lại) bởi người không có khoá niêm phong";
                default -> events + " " + what + ": đã bị viết lại hoặc thêm giả bởi người không có khoá niêm phong";
            });
        }
    }

    private static String range(long first, long last) {
        return first == last ? "số " + first : "số " + first + " đến " + last;
    }

    private static String reason(ChainCheckpoint c) {
        return ChainCheckpoint.REPORT_SUBMITTED.equals(c.reason()) ? "khi nộp báo cáo" : "định kỳ";
    }

    private static List<ChainFinding> distinct(List<ChainFinding> found) {
        Map<String, ChainFinding> byKindAndSequence = new LinkedHashMap<>();
        for (ChainFinding f : found) byKindAndSequence.putIfAbsent(f.kind() + "#" + f.sequence(), f);
        return List.copyOf(byKindAndSequence.values());
    }
}
