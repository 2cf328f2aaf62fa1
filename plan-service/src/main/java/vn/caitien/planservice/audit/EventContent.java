package vn.caitien.planservice.audit;

import com.fasterxml.jackson.databind.JsonNode;
import vn.caitien.api.wire.EventTypes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the hash of one stored event covers, each part already in its canonical text, and the hash itself.
 * Everything here can be rebuilt from a {@code domain_event_entry} row alone:
 * <pre>
 * caitien.plan-event-chain.v1
 * "previousHash"
 * "eventIdentifier"
 * "aggregateIdentifier"
 * sequenceNumber
 * "wireType"                   vn.caitien.plan.ProgressRecorded, not the Java class name
 * "timestamp"                  UTC, truncated to milliseconds: 2024-01-12T02:15:04.118Z
 * canonical payload JSON
 * canonical metadata JSON      without "hash", "previousHash" and "seal"
 * </pre>
 * Lines are joined by {@code \n}. Strings are JSON literals and canonical JSON has no raw line breaks,
 * so no part can run into the next. {@code hash} is the lower-case hex SHA-256 of those UTF-8 bytes.
 */
public record EventContent(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                           String timestamp, String payload, String metaData) {
    /** Metadata key of the event's own hash. */
    public static final String HASH = "hash";
    /** Metadata key of the hash of the plan's previous event. */
    public static final String PREVIOUS_HASH = "previousHash";
    /** Metadata key of the event's seal, the HMAC of its hash under a key kept outside the database (EventSeals). */
    public static final String SEAL = "seal";
    public static final Set<String> CHAIN_KEYS = Set.of(HASH, PREVIOUS_HASH, SEAL);
    /** The previous hash of a plan's first event (sequence 0). */
    public static final String GENESIS = "0".repeat(64);
    static final String VERSION = "caitien.plan-event-chain.v1";

    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Map<String, String> WIRE_NAMES = EventTypes.all().stream()
            .collect(Collectors.toUnmodifiableMap(Class::getName, EventTypes::nameOf));
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Builds the content from what Axon writes: the payload type name it stores ({@code payload_type}),
     * the event's time and the payload's and metadata's JSON bytes.
     *
     * @throws IllegalArgumentException if the payload or metadata is not valid JSON
     */
    public static EventContent of(String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                                  String payloadType, Instant timestamp, byte[] payloadJson, JsonNode metaData) {
        return new EventContent(eventIdentifier, aggregateIdentifier, sequenceNumber, wireType(payloadType),
                timestamp(timestamp), CanonicalJson.of(payloadJson), CanonicalJson.without(metaData, CHAIN_KEYS));
    }

    /** The stable wire name of a stored payload type; a type that is no plan event keeps its stored name. */
    public static String wireType(String payloadType) {
        return WIRE_NAMES.getOrDefault(payloadType, payloadType);
    }

    /** Axon keeps event times to the millisecond (DateTimeUtils.formatInstant); so does the hash. */
    public static String timestamp(Instant instant) {
        return MILLIS_UTC.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The exact text that is hashed after the given previous hash. */
    public String canonicalForm(String previousHash) {
        return String.join("\n", VERSION, CanonicalJson.string(previousHash), CanonicalJson.string(eventIdentifier),
                CanonicalJson.string(aggregateIdentifier), Long.toString(sequenceNumber), CanonicalJson.string(type),
                CanonicalJson.string(timestamp), payload, metaData);
    }

    /** Lower-case hex SHA-256 of {@link #canonicalForm(String)}. */
    public String hashAfter(String previousHash) {
        return sha256(canonicalForm(previousHash));
    }

    static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
