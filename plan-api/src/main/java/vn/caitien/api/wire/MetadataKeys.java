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

    private static final java.util.regex.Pattern NOT_IN_A_NAME = java.util.regex.Pattern.compile("[^a-z0-9]");
    /**
     * Each known key by its extension name, worked out once: every attribute of every record read is
     * looked up here, and compiling the name's pattern per lookup was a fifth of a consumer's decoding.
     */
    private static final java.util.Map<String, String> BY_EXTENSION_NAME = byExtensionName();

    /** CloudEvents extension attribute names are lower-case letters and digits only. */
    public static String extensionName(String metadataKey) {
        return NOT_IN_A_NAME.matcher(metadataKey.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
    }

    public static String metadataKey(String extensionName) {
        return BY_EXTENSION_NAME.getOrDefault(extensionName, extensionName);
    }

    /** The first key of {@link #ALL} with each extension name, as a search of the list in order finds it. */
    private static java.util.Map<String, String> byExtensionName() {
        java.util.Map<String, String> keys = new java.util.HashMap<>();
        for (String key : ALL) keys.putIfAbsent(extensionName(key), key);
        return java.util.Map.copyOf(keys);
    }
}
