package vn.caitien.planservice.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.caitien.api.chain.ChainCheckpoint;
import vn.caitien.api.chain.ChainKeys;
import vn.caitien.planservice.security.PlanNotFound;

import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Verifies a plan's history. First the chain itself, recomputed from the stored events in sequence order, naming
 * the first place it breaks: a sequence number missing (deleted event), an event without hash, an event whose
 * {@code previousHash} is not the hash before it (moved or deleted events, or an earlier event edited and
 * re-hashed), or an event whose content no longer gives its hash (edited payload, metadata, time or type).
 * Then what the store alone cannot prove (see {@link ChainComparison}): each event's seal, the signed
 * checkpoints, reporting-service's copy of the chain, and the plan's latest snapshot.
 */
@Component
class ChainVerifier {
    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

    private final StoredEvents store;
    private final EventSeals seals;
    private final CheckpointTable checkpoints;
    private final ReadCopyClient readCopies;
    private final SnapshotSeals snapshots;
    private final PublicKey checkpointKey;

    ChainVerifier(StoredEvents store, EventSeals seals, CheckpointTable checkpoints, ReadCopyClient readCopies,
                  SnapshotSeals snapshots, ChainKeys keys) {
        this.store = store;
        this.seals = seals;
        this.checkpoints = checkpoints;
        this.readCopies = readCopies;
        this.snapshots = snapshots;
        this.checkpointKey = keys.publicKey();
    }

    /** @param authorization the caller's own {@code Authorization} header, to ask reporting-service as them */
    ChainReport verify(String planId, String authorization) {
        List<StoredEvent> events = store.eventsOf(planId);
        List<ChainCheckpoint> own = checkpoints.of(planId);
        if (events.isEmpty() && own.isEmpty()) throw new PlanNotFound(planId);
        List<ChainFinding> findings = new ArrayList<>();
        firstBreak(events).ifPresent(b -> findings.add(ChainFinding.of(ChainFinding.Kind.CHAIN_BROKEN, b.sequence(),
                b.problem())));
        List<ChainComparison.StoreLink> links = events.stream().map(e -> new ChainComparison.StoreLink(e.sequenceNumber(),
                e.eventIdentifier(), StoredEvents.hashIn(e.metaData()), seals.check(e.metaData()))).toList();
        ChainComparison.ReadCopy copy = readCopies.fetch(planId, authorization);
        List<ChainCheckpoint> all = new ArrayList<>(own);
        all.addAll(copy.checkpoints());
        Predicate<ChainCheckpoint> genuine = c -> c.isSignedBy(checkpointKey);
        findings.addAll(ChainComparison.compare(planId, links, all, genuine, copy));
        findings.addAll(ChainComparison.snapshot(snapshots.latestOf(planId).orElse(null)));
        int anchors = (int) all.stream().distinct().filter(c -> planId.equals(c.planId())).filter(genuine).count();
        String head = events.isEmpty() ? null : StoredEvents.hashIn(events.get(events.size() - 1).metaData());
        ChainReport report = ChainReport.of(planId, events.size(), head, findings, anchors,
                copy.available() ? copy.head() : null);
        if (report.verdict() == ChainReport.Verdict.SAI_LECH) {
            log.error("Lịch sử của kế hoạch {} có dấu hiệu bị sửa: {}", planId, report.message());
        }
        return report;
    }

    record Break(long sequence, String problem) {
    }

    static Optional<Break> firstBreak(List<StoredEvent> events) {
        String expectedPrevious = EventContent.GENESIS;
        long expectedSequence = 0;
        for (int i = 0; i < events.size(); i++) {
            StoredEvent event = events.get(i);
            long n = event.sequenceNumber();
            if (n > expectedSequence) return broken(expectedSequence, "Thiếu sự kiện số " + expectedSequence);
            if (n < expectedSequence) return broken(n, "Sự kiện số " + n + " đứng sai thứ tự");
            JsonNode metaData;
            try {
                metaData = CanonicalJson.parse(event.metaData());
            } catch (IllegalArgumentException e) {
                return broken(n, "Sự kiện số " + n + " đã bị sửa: siêu dữ liệu không đọc được");
            }
            String hash = text(metaData, EventContent.HASH);
            String previous = text(metaData, EventContent.PREVIOUS_HASH);
            if (hash == null || previous == null) return broken(n, "Sự kiện số " + n + " không có mã băm");
            if (!previous.equals(expectedPrevious)) {
                return broken(n, hashStoredElsewhere(events, i, previous)
                        ? "Sự kiện số " + n + " đứng sai thứ tự"
                        : "Sự kiện số " + n + " không nối tiếp sự kiện trước: mã băm trước không khớp"
                        + " (sự kiện trước đã bị sửa hoặc bị xóa)");
            }
            String recomputed;
            try {
                recomputed = EventContent.of(event.eventIdentifier(), event.aggregateIdentifier(), n,
                        event.payloadType(), parseTimestamp(event.timestamp()), event.payload(), metaData)
                        .hashAfter(previous);
            } catch (IllegalArgumentException e) {
                return broken(n, "Sự kiện số " + n + " đã bị sửa: nội dung không đọc được");
            }
            if (!recomputed.equals(hash)) return broken(n, "Sự kiện số " + n + " đã bị sửa: mã băm không khớp");
            expectedPrevious = hash;
            expectedSequence = n + 1;
        }
        return Optional.empty();
    }

    /** The event's predecessor is still there, only at another place: events were moved. */
    private static boolean hashStoredElsewhere(List<StoredEvent> events, int index, String hash) {
        for (int j = 0; j < events.size(); j++) {
            if (j != index && hash.equals(StoredEvents.hashIn(events.get(j).metaData()))) return true;
        }
        return false;
    }

    /** Axon writes "2024-01-12T02:15:04.118Z" and reads any ISO offset date-time; so does this. */
    private static Instant parseTimestamp(String timestamp) {
        if (timestamp == null) throw new IllegalArgumentException("Không có thời điểm");
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(timestamp, Instant::from);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Thời điểm không hợp lệ: " + timestamp, e);
        }
    }

    private static String text(JsonNode metaData, String key) {
        JsonNode value = metaData.get(key);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static Optional<Break> broken(long sequence, String problem) {
        return Optional.of(new Break(sequence, problem));
    }
}
