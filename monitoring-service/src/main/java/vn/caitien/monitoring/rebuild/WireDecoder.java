package vn.caitien.monitoring.rebuild;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.api.wire.EventTypes;
import vn.caitien.api.wire.MetadataKeys;
import vn.caitien.api.wire.WireJson;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CloudEvents records into plan-api events, giving exactly what the live path's
 * {@link CloudEventsConverter} gives, and skipping exactly the records it skips (unknown types,
 * unreadable records).
 *
 * <p>The converter builds a JSON tree and binds the payload from it: exact, but most of a rebuild's
 * time. The fast path here streams the same bytes into the same records with the same mapper
 * settings, and accepts only what streaming and tree binding read alike: the envelope's attributes as
 * strings, no repeated keys, fractional numbers only in decimal fields and read through a double as a
 * tree reads them (1.50 becomes 1.5), no number where text is expected. Anything else takes the
 * converter's own path.
 */
final class WireDecoder {
    private static final Logger log = LoggerFactory.getLogger(WireDecoder.class);
    private static final ObjectMapper STRICT = strictMapper();
    private static final JsonFactory PLAIN = WireJson.mapper().getFactory().copy()
            .disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** The envelope's attributes the fast path reads; each may appear once. */
    private static final List<String> ENVELOPE = List.of("id", "type", "subject", "time", "sequence", MetadataKeys.ACTOR, "data",
            "previoushash", "hash");
    private final ObjectMapper mapper = WireJson.mapper();
    private final CloudEventsConverter converter = new CloudEventsConverter();
    private final Map<String, EvidenceCode> evidenceCodes = new HashMap<>();
    private long slow;
    private long skipped;

    /** The event of one record, or null when the live path would skip the record too. */
    DecodedEvent decode(byte[] value, int partition, long offset) {
        try {
            DecodedEvent event = fast(value);
            if (event != null) return event;
        } catch (IOException | RuntimeException notForTheFastPath) {
            // the converter's own path decides
        }
        slow++;
        DecodedEvent event = slow(value, partition, offset);
        if (event == null) skipped++;
        return event;
    }

    DecodedEvent fast(byte[] value) throws IOException {
        if (value == null) return null;
        // Repeated keys are caught by hand here and in ProgressRecordedReader (cheaper than the parser's
        // detector), and by the parser's detector for the other events' data.
        try (JsonParser p = PLAIN.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            int seen = 0;
            String id = null;
            String type = null;
            String subject = "";
            String time = null;
            String sequence = null;
            String actor = null;
            String previousHash = null;
            String hash = null;
            Object payload = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                int bit = ENVELOPE.indexOf(field);
                if (bit >= 0) {
                    if ((seen & 1 << bit) != 0) return null;
                    seen |= 1 << bit;
                }
                switch (field) {
                    case "id", "type", "subject", "time", "sequence", MetadataKeys.ACTOR, "previoushash", "hash" -> {
                        if (token == JsonToken.VALUE_NULL && field.equals("sequence")) break;
                        if (token != JsonToken.VALUE_STRING) return null;
                        String text = p.getText();
                        switch (field) {
                            case "id" -> id = text;
                            case "type" -> type = text;
                            case "subject" -> subject = text;
                            case "time" -> time = text;
                            case "sequence" -> sequence = text;
                            case "previoushash" -> previousHash = text;
                            case "hash" -> hash = text;
                            default -> actor = text;
                        }
                    }
                    case "data" -> {
                        Class<?> payloadType = type == null ? null : EventTypes.classOf(type).orElse(null);
                        if (payloadType == null || token != JsonToken.START_OBJECT) return null;
                        if (payloadType == ProgressRecorded.class) payload = ProgressRecordedReader.read(p, evidenceCodes);
                        else {
                            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
                            payload = STRICT.readValue(new DecimalsOnlyWhereDeclared(p), payloadType);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (id == null || time == null || payload == null) return null;
            return new DecodedEvent(id, subject, sequence == null ? -1 : Long.parseLong(sequence), WireTimes.instant(time),
                    actor, payload, previousHash, hash);
        }
    }

    /** The converter's path, with its log lines for what it skips. */
    private DecodedEvent slow(byte[] value, int partition, long offset) {
        try {
            JsonNode json = mapper.readTree(value);
            String type = json.path("type").asText();
            if (EventTypes.classOf(type).isEmpty()) {
                log.warn("Bỏ qua sự kiện loại chưa biết {} (offset {} phân vùng {})", type, offset, partition);
                return null;
            }
            EventMessage<?> event = converter.read(json);
            Object actor = event.getMetaData().get(MetadataKeys.ACTOR);
            long sequence = json.hasNonNull("sequence") && event instanceof DomainEventMessage<?> domain
                    ? domain.getSequenceNumber() : -1;
            String subject = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
            return new DecodedEvent(event.getIdentifier(), subject, sequence, event.getTimestamp(),
                    actor == null ? null : actor.toString(), event.getPayload(),
                    text(event.getMetaData().get(MetadataKeys.PREVIOUS_HASH)), text(event.getMetaData().get(MetadataKeys.HASH)));
        } catch (IOException | RuntimeException e) {
            log.error("Bỏ qua bản ghi Kafka không đọc được (offset {} phân vùng {}): {}", offset, partition, e.toString());
            return null;
        }
    }

    private static String text(Object value) { return value == null ? null : value.toString(); }

    /** Records that took the converter's path (unusual shapes, fractional numbers, skipped ones). */
    long slowDecodes() { return slow; }

    /** Records the live path would skip too. */
    long skipped() { return skipped; }

    /**
     * The wire mapper, refusing what streaming would read differently from a tree: repeated keys (a
     * tree keeps the last) and numbers read as text (a tree writes -0 as 0).
     */
    private static ObjectMapper strictMapper() {
        ObjectMapper strict = WireJson.mapper().copy();
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.registerModule(new SimpleModule("decimals-as-a-tree-reads-them")
                .addDeserializer(BigDecimal.class, new DecimalAsTreeReadsIt()));
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return strict;
    }

    /**
     * A tree holds a fractional number as a double (plan-service's converter writes 30 as 3E+1), and a
     * {@code BigDecimal} is then bound from it with {@link BigDecimal#valueOf(double)}: the same here.
     * Other numbers read as streaming reads them, which a tree does alike.
     */
    private static final class DecimalAsTreeReadsIt extends StdScalarDeserializer<BigDecimal> {
        DecimalAsTreeReadsIt() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) return BigDecimal.valueOf(p.getDoubleValue());
            return NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, context);
        }
    }

    /**
     * Lets fractional numbers through only where the events declare a {@code BigDecimal} (indicator
     * values, indicator baselines and targets): anywhere else a tree and a stream could read them
     * differently, so the record takes the converter's path.
     */
    private static final class DecimalsOnlyWhereDeclared extends JsonParserDelegate {
        DecimalsOnlyWhereDeclared(JsonParser parser) {
            super(parser);
        }

        private JsonToken checked(JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NUMBER_FLOAT && !declaredDecimal(delegate.getParsingContext())) {
                throw new IOException("fractional number outside a decimal field: converter's path");
            }
            return token;
        }

        private static boolean declaredDecimal(JsonStreamContext value) {
            JsonStreamContext array = value.getParent();
            JsonStreamContext owner = array == null ? null : array.getParent();
            if (!value.inObject() || array == null || !array.inArray() || owner == null) return false;
            String field = value.getCurrentName();
            String list = owner.getCurrentName();
            return "indicatorValues".equals(list) && "value".equals(field)
                    || "indicators".equals(list) && ("baseline".equals(field) || "target".equals(field));
        }

        @Override
        public JsonToken nextToken() throws IOException { return checked(delegate.nextToken()); }

        @Override
        public JsonToken nextValue() throws IOException { return checked(delegate.nextValue()); }

        @Override
        public String nextTextValue() throws IOException {
            String text = delegate.nextTextValue();
            checked(delegate.currentToken());
            return text;
        }

        @Override
        public int nextIntValue(int defaultValue) throws IOException {
            int value = delegate.nextIntValue(defaultValue);
            checked(delegate.currentToken());
            return value;
        }

        @Override
        public long nextLongValue(long defaultValue) throws IOException {
            long value = delegate.nextLongValue(defaultValue);
            checked(delegate.currentToken());
            return value;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            Boolean value = delegate.nextBooleanValue();
            checked(delegate.currentToken());
            return value;
        }
    }
}
