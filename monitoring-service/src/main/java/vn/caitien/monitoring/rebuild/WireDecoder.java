package vn.caitien.monitoring.rebuild;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.api.wire.EventTypes;
import vn.caitien.api.wire.WireJson;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the plain CloudEvents records plan-service writes into the same plan-api events, metadata and
 * seal verdict the live path's {@link CloudEventsConverter} gives, for the bulk rebuild only: the converter
 * builds a JSON tree, binds the payload from it and wraps it in Axon messages, and that was most of a
 * rebuild's time. The fast path here streams the same bytes into the same records with the same mapper
 * settings, and accepts only what streaming and tree binding read alike: the envelope's attributes as
 * strings, each once, subject and sequence present, no attribute the converter would read into the
 * metadata besides the ones plan-service writes, no repeated keys, fractional numbers only in decimal
 * fields and read through a double as a tree reads them (1.50 becomes 1.5), no number where text is
 * expected. Anything else answers null and the record takes the converter's own path
 * ({@link DecodingPipeline}).
 */
final class WireDecoder {
    private static final ObjectMapper STRICT = strictMapper();
    private static final JsonFactory PLAIN = WireJson.mapper().getFactory().copy()
            .disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** The envelope's attributes the fast path reads; each may appear once. */
    private static final List<String> ENVELOPE = List.of("id", "type", "subject", "time", "sequence", "actor", "data",
            "previoushash", "hash");
    /**
     * Attributes the converter reads nothing from (core ones) or only into metadata the rebuild does not
     * look at: skipped whatever they hold. Any other attribute could become (or overwrite) a metadata key
     * the rebuild reads ({@code previousHash} is one), so it sends the record to the converter.
     */
    private static final Set<String> IGNORED = Set.of("specversion", "source", "datacontenttype", "actorid",
            "correlationid", "causationid");
    private final Function<String, EvidenceCode> evidenceCodes;

    /** @param evidenceCodes {@link EvidenceCode#parse}, or a function answering what it answers (shared ones) */
    WireDecoder(Function<String, EvidenceCode> evidenceCodes) {
        this.evidenceCodes = evidenceCodes;
    }

    /** The event of a record in the plain shape, or null when the converter's path is to read it. */
    DecodedEvent fast(byte[] value) throws IOException {
        if (value == null) return null;
        // Repeated keys are caught by hand here and in ProgressRecordedReader (cheaper than the parser's
        // detector), and by the parser's detector for the other events' data.
        try (JsonParser p = PLAIN.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            int seen = 0;
            String id = null;
            String type = null;
            String subject = null;
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
                } else if (IGNORED.contains(field)) {
                    p.skipChildren();
                    continue;
                } else {
                    return null;
                }
                if (field.equals("data")) {
                    Class<?> payloadType = type == null ? null : EventTypes.classOf(type).orElse(null);
                    if (payloadType == null || token != JsonToken.START_OBJECT) return null;
                    if (payloadType == ProgressRecorded.class) payload = ProgressRecordedReader.read(p, evidenceCodes);
                    else {
                        p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
                        payload = STRICT.readValue(new DecimalsOnlyWhereDeclared(p), payloadType);
                    }
                    continue;
                }
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
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) return null;
            if (id == null || subject == null || time == null || sequence == null || payload == null) return null;
            return new DecodedEvent(id, subject, Long.parseLong(sequence), WireTimes.instant(time), actor, payload,
                    previousHash, hash);
        }
    }

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
