package vn.caitien.api.wire;

import java.util.List;

/** Keys of the event metadata that every plan event carries, and their CloudEvents extension names. */
public final class MetadataKeys {
    /** Who issued the command, as shown to people: "Tổ giám sát - Nguyễn Thị Mai" (from the token). */
    public static final String ACTOR = "actor";
    /** The authenticated user's stable identifier (the token subject). */
    public static final String ACTOR_ID = "actorId";
    /** Ties together everything one user request caused. */
    public static final String CORRELATION_ID = "correlationId";
    /** The message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    /** The event's chain hash (plan-service's audit/EventContent; extension {@code hash}). */
    public static final String HASH = vn.caitien.api.chain.ChainLink.HASH_KEY;
    /** The chain hash of the plan's previous event (extension {@code previoushash}). */
    public static final String PREVIOUS_HASH = vn.caitien.api.chain.ChainLink.PREVIOUS_HASH_KEY;

    public static final List<String> ALL = List.of(ACTOR, ACTOR_ID, CORRELATION_ID, CAUSATION_ID, HASH, PREVIOUS_HASH);

    private MetadataKeys() {
    }

    /** CloudEvents extension attribute names are lower-case letters and digits only. */
    public static String extensionName(String metadataKey) {
        return metadataKey.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    public static String metadataKey(String extensionName) {
        return ALL.stream().filter(k -> extensionName(k).equals(extensionName)).findFirst().orElse(extensionName);
    }
}
