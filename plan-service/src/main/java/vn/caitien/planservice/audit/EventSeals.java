package vn.caitien.planservice.audit;

import com.fasterxml.jackson.databind.JsonNode;
import vn.caitien.api.chain.Seals;

/**
 * An event's seal: metadata {@value EventContent#SEAL} = HMAC-SHA256 of its chain hash under the seal key, a
 * file the database does not hold. Whoever can write the event table but has not the key can recompute hashes
 * (the algorithm is public) but not seals, so a rewritten, forged or re-attributed event shows.
 */
final class EventSeals {
    /** What an event's metadata says about its seal. */
    enum State {
        /** The seal is the key's seal of the event's hash. */
        VALID,
        /** A seal (or a hash to seal) is there but wrong: written without the key. */
        INVALID,
        /** No seal at all: stored before events were sealed, or its seal was removed. */
        MISSING
    }

    private final byte[] key;

    EventSeals(byte[] key) {
        this.key = key.clone();
    }

    /** The seal of an event's hash, or of any other text this service vouches for (a snapshot's). */
    String sealOf(String text) {
        return Seals.hmac(key, text);
    }

    State check(JsonNode metaData) {
        JsonNode seal = metaData == null ? null : metaData.get(EventContent.SEAL);
        if (seal == null || seal.isNull()) return State.MISSING;
        JsonNode hash = metaData.get(EventContent.HASH);
        if (hash == null || !hash.isTextual() || !seal.isTextual()) return State.INVALID;
        return Seals.matches(key, hash.textValue(), seal.textValue()) ? State.VALID : State.INVALID;
    }

    /** The state of stored metadata bytes; unreadable metadata cannot carry a valid seal. */
    State check(byte[] metaData) {
        try {
            return metaData == null ? State.MISSING : check(CanonicalJson.parse(metaData));
        } catch (IllegalArgumentException e) {
            return State.INVALID;
        }
    }

    boolean matches(String text, String seal) {
        return Seals.matches(key, text, seal);
    }
}
