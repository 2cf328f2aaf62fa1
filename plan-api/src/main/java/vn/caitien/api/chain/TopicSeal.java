package vn.caitien.api.chain;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;

/**
 * The seal plan-service puts on every record it publishes: header {@value #HEADER} holds the base64
 * HMAC-SHA256 of the record's value bytes under the topic key. The read services hold the same key and
 * refuse a record whose seal is missing or wrong, so a record produced onto the topic by anyone else
 * (kcat, a compromised client) is parked, never applied.
 */
public final class TopicSeal {
    public static final String HEADER = "caitien-seal";
    /**
     * Metadata key under which a consuming converter records what it found: {@link #VALID}, {@link #MISSING}
     * or {@link #WRONG}. Set by the converter itself, over anything the record's JSON says.
     */
    public static final String CHECK = "topicSealCheck";
    public static final String VALID = "VALID";
    public static final String MISSING = "MISSING";
    public static final String WRONG = "WRONG";

    private final Seals.Keyed hmac;

    public TopicSeal(byte[] key) {
        if (key == null || key.length < 32) throw new IllegalArgumentException("A topic key has at least 32 bytes");
        this.hmac = new Seals.Keyed(key.clone());
    }

    public String sealOf(byte[] value) {
        return hmac.hmac(value == null ? new byte[0] : value);
    }

    /** Adds (or replaces) the seal header of a record about to be sent. */
    public <K> ProducerRecord<K, byte[]> seal(ProducerRecord<K, byte[]> record) {
        record.headers().remove(HEADER);
        record.headers().add(new RecordHeader(HEADER, sealOf(record.value()).getBytes(StandardCharsets.US_ASCII)));
        return record;
    }

    public boolean isSealed(ConsumerRecord<?, byte[]> record) {
        return isSealed(record.headers(), record.value());
    }

    /** {@link #VALID}, {@link #MISSING} or {@link #WRONG} for a record's headers and value. */
    public String check(Headers headers, byte[] value) {
        if (headers.lastHeader(HEADER) == null) return MISSING;
        return isSealed(headers, value) ? VALID : WRONG;
    }

    public boolean isSealed(Headers headers, byte[] value) {
        Header header = headers.lastHeader(HEADER);
        return header != null && hmac.matches(value == null ? new byte[0] : value,
                new String(header.value(), StandardCharsets.US_ASCII));
    }
}
