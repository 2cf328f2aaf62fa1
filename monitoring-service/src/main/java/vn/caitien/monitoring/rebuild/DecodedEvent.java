package vn.caitien.monitoring.rebuild;

import java.time.Instant;

/**
 * One plan event read off the topic, with what the projection's handlers and the dedup need.
 *
 * @param subject  the plan the record is about (CloudEvents {@code subject}, the record key)
 * @param sequence the event's position in its plan (the converter reads a record without one as 0)
 * @param actor    the {@code actor} extension, or null
 * @param payload  the plan-api event record, exactly as the live path's converter builds it
 * @param previousHash the {@code previoushash} extension, or null
 * @param hash     the {@code hash} extension, or null
 */
record DecodedEvent(String id, String subject, long sequence, Instant time, String actor, Object payload,
                    String previousHash, String hash) {
    DecodedEvent withPayload(Object other) {
        return other == payload ? this : new DecodedEvent(id, subject, sequence, time, actor, other, previousHash, hash);
    }
}
