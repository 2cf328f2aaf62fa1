package vn.caitien.planservice.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.caitien.planservice.web.PlanNotFound;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes a plan's hash chain from its stored events, in sequence order, and names the first place it
 * breaks: a sequence number missing (deleted event), an event without hash, an event whose
 * {@code previousHash} is not the hash before it (moved or deleted events, or an earlier event edited and
 * re-hashed), or an event whose content no longer gives its hash (edited payload, metadata, time or type).
 */
@Component
class ChainVerifier {
    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

    private final StoredEvents store;

    ChainVerifier(StoredEvents store) {
        this.store = store;
    }

    ChainReport verify(String planId) {
        List<StoredEvent> events = store.eventsOf(planId);
        if (events.isEmpty()) throw new PlanNotFound(planId);
        String head = StoredEvents.hashIn(events.get(events.size() - 1).metaData());
        Optional<Break> broken = firstBreak(events);
        if (broken.isEmpty()) return ChainReport.intact(planId, events.size(), head);
        Break b = broken.get();
        log.warn("Chuỗi mã băm của kế hoạch {} bị phá vỡ: {}", planId, b.problem());
        return ChainReport.broken(planId, events.size(), b.sequence(), b.problem(), head);
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
