package vn.caitien.readmodel;

import java.time.Instant;

/**
 * What the message around an event says: when it was recorded, who did it (null when the event names
 * nobody) and its position in the plan's stream (-1 when the caller does not track it).
 */
public record EventContext(Instant recordedAt, String actor, long sequence) {

    public static EventContext at(Instant recordedAt, String actor) {
        return new EventContext(recordedAt, actor, -1);
    }
}
