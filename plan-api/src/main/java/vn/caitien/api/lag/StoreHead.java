package vn.caitien.api.lag;

import com.fasterxml.jackson.core.JsonProcessingException;
import vn.caitien.api.wire.WireJson;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * How far plan-service's event store goes and how much of it is on Kafka, as plan-service publishes it every few
 * seconds on {@link #TOPIC} (one partition, compacted, key {@link #KEY}, sealed with the topic key). A read
 * service's lag against the store is what it has not read from the topic plus {@code unpublished}, the events
 * not on the topic yet: a publisher that stopped no longer looks like "lag 0".
 *
 * @param head                the store's last event (max global_index), -1 when empty
 * @param published           the publisher's position (global index of the last event it put on Kafka), -1 before
 * @param unpublished         events stored after that position
 * @param oldestUnpublishedAt when the first of them was stored; null when none waits
 * @param at                  when plan-service measured this (its clock)
 */
public record StoreHead(long head, long published, long unpublished, Instant oldestUnpublishedAt, Instant at) {
    public static final String TOPIC = "caitien.plan.store-head";
    public static final String KEY = "plan-service";

    /** How long the oldest unpublished event has waited, as of {@code now}; zero when none waits. */
    public Duration unpublishedFor(Instant now) {
        return oldestUnpublishedAt == null || now.isBefore(oldestUnpublishedAt) ? Duration.ZERO
                : Duration.between(oldestUnpublishedAt, now);
    }

    public byte[] toJson() {
        try {
            return WireJson.mapper().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A store head is always writable as JSON", e);
        }
    }

    public static StoreHead fromJson(byte[] json) throws IOException {
        return WireJson.mapper().readValue(json, StoreHead.class);
    }
}
