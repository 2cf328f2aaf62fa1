package vn.caitien.readside.lag;

import vn.caitien.api.lag.StoreHead;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far a read service is behind plan-service's event store, and whether it is catching up. Events it has not
 * applied are those waiting on the topic (topic end minus what it consumed) plus those plan-service stored but has
 * not published ({@link StoreHead#unpublished()}). It is stuck when some wait and, for {@code stuckAfter}, neither
 * its own position nor the publisher's moved: then the answer carries the reason, naming which of the two stopped.
 * A store head older than {@code staleAfter} no longer counts (plan-service down or silent): the lag is the
 * topic's only and the answer says so. Not thread-safe: one caller samples (the health check).
 */
public final class ReadSideLag {
    private final Duration stuckAfter;
    private final Duration staleAfter;
    private long lastConsumed = Long.MIN_VALUE;
    private long lastPublished = Long.MIN_VALUE;
    private Instant lastMovement;

    public ReadSideLag(Duration stuckAfter, Duration staleAfter) {
        this.stuckAfter = stuckAfter;
        this.staleAfter = staleAfter;
    }

    /** What the service applied from the topic, how far the topic goes, the newest store head (null: none yet). */
    public Sample observe(long consumed, long topicEnd, StoreHead head, Instant now) {
        long onTopic = Math.max(0, topicEnd - consumed);
        boolean fresh = head != null && Duration.between(head.at(), now).compareTo(staleAfter) <= 0;
        long unpublished = fresh ? head.unpublished() : 0;
        long published = fresh ? head.published() : lastPublished;
        if (lastMovement == null || consumed != lastConsumed || published != lastPublished || onTopic + unpublished == 0) {
            lastMovement = now;
        }
        lastConsumed = consumed;
        lastPublished = published;
        Duration still = Duration.between(lastMovement, now);
        Duration waited = fresh ? head.unpublishedFor(now) : Duration.ZERO;
        String reason = null;
        if (onTopic + unpublished > 0 && still.compareTo(stuckAfter) > 0) {
            reason = onTopic > 0
                    ? "có " + onTopic + " sự kiện trên Kafka chưa đọc được trong " + still.toSeconds() + " giây"
                    : "kho sự kiện có " + unpublished + " sự kiện chưa được plan-service phát lên Kafka trong "
                    + still.toSeconds() + " giây: dữ liệu ở đây đang cũ";
        }
        String storeNote = head == null ? "chưa nhận được vị trí kho sự kiện từ plan-service"
                : fresh ? null : "vị trí kho sự kiện từ plan-service đã cũ (lúc " + head.at() + "): chỉ đo được độ trễ trên Kafka";
        return new Sample(onTopic, onTopic + unpublished, waited, fresh ? head.head() : -1, reason, storeNote);
    }

    /**
     * @param topicLag    records on the topic not read yet
     * @param storeLag    events stored and not applied here (topic lag plus unpublished events)
     * @param oldestWait  how long the oldest unpublished event has waited (zero when none, or no fresh store head)
     * @param storeHead   the store's last global index, -1 when unknown
     * @param stuckReason why the service is not catching up (Vietnamese), null when it is
     * @param storeNote   why the store's head is not counted (Vietnamese), null when it is
     */
    public record Sample(long topicLag, long storeLag, Duration oldestWait, long storeHead, String stuckReason,
                         String storeNote) {
        public boolean stuck() {
            return stuckReason != null;
        }

        /** The figures and reasons for a health answer, in a stable order. */
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            if (stuckReason != null) details.put("reason", stuckReason);
            if (storeNote != null) details.put("store", storeNote);
            details.put("lag", topicLag);
            details.put("storeHead", storeHead);
            details.put("storeLag", storeLag);
            details.put("storeLagSeconds", oldestWait.toSeconds());
            return details;
        }
    }
}
