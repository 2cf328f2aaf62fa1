package vn.caitien.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.GenericMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.caitien.api.chain.TopicSeal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes plan events as CloudEvents 1.0 in structured mode: the Kafka value is one UTF-8 JSON object
 * with the event in {@code data}, a stable {@code type} and the metadata as extension attributes, so
 * kcat, Python or a district's system read it without Java. See docs/events.md.
 */
public class CloudEventsConverter implements KafkaMessageConverter<String, byte[]> {
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String SOURCE = "/caitien/plan-service";
    public static final String AGGREGATE_TYPE = "Plan";
    private static final Set<String> CORE = Set.of("specversion", "id", "source", "type", "subject", "time",
            "datacontenttype", "data", "sequence");
    private static final Logger log = LoggerFactory.getLogger(CloudEventsConverter.class);

    private final ObjectMapper mapper = WireJson.mapper();
    private final TopicSeal seal;

    /** A converter that neither seals nor checks seals (tools that only read, tests of the format). */
    public CloudEventsConverter() {
        this(null);
    }

    /**
     * With a topic seal: records written get the seal header, records read are checked and the outcome is put
     * in the event's metadata under {@link TopicSeal#CHECK}, for the read services' chain guard to refuse
     * what plan-service did not publish.
     */
    public CloudEventsConverter(TopicSeal seal) {
        this.seal = seal;
    }

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> event, String topic) {
        ObjectNode json = mapper.createObjectNode();
        json.put("specversion", "1.0");
        json.put("id", event.getIdentifier());
        json.put("source", SOURCE);
        json.put("type", EventTypes.nameOf(event.getPayloadType()));
        String key = null;
        if (event instanceof DomainEventMessage<?> domain) {
            key = domain.getAggregateIdentifier();
            json.put("subject", key);
            // CloudEvents' sequence extension is a string; it is the event's position in its plan.
            json.put("sequence", Long.toString(domain.getSequenceNumber()));
        }
        json.put("time", event.getTimestamp().toString());
        json.put("datacontenttype", "application/json");
        event.getMetaData().forEach((k, v) -> {
            if (v != null) json.put(MetadataKeys.extensionName(k), v.toString());
        });
        json.set("data", mapper.valueToTree(event.getPayload()));
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, key, mapper.writeValueAsBytes(json));
            record.headers().add(new RecordHeader("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
            return seal == null ? record : seal.seal(record);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write event " + event.getIdentifier() + " as JSON", e);
        }
    }

    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> record) {
        try {
            EventMessage<?> event = read(mapper.readTree(record.value()));
            if (seal == null) return Optional.of(event);
            return Optional.of(event.andMetaData(Map.of(TopicSeal.CHECK, seal.check(record.headers(), record.value()))));
        } catch (UnknownEventType e) {
            // A newer producer may publish types this consumer does not know yet: skip, do not stop.
            log.warn("Bỏ qua sự kiện loại chưa biết {} (offset {} phân vùng {})", e.getMessage(), record.offset(),
                    record.partition());
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.error("Bỏ qua bản ghi Kafka không đọc được (offset {} phân vùng {}): {}", record.offset(),
                    record.partition(), e.toString());
            return Optional.empty();
        }
    }

    /** Reads one structured CloudEvent back into the Axon event it was written from. */
    public EventMessage<?> read(JsonNode json) throws IOException {
        String type = json.path("type").asText();
        Class<?> payloadType = EventTypes.classOf(type).orElseThrow(() -> new UnknownEventType(type));
        Object payload = mapper.treeToValue(json.get("data"), payloadType);
        Map<String, Object> metadata = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!CORE.contains(field.getKey())) {
                metadata.put(MetadataKeys.metadataKey(field.getKey()), field.getValue().asText());
            }
        }
        GenericMessage<?> message = new GenericMessage<>(json.path("id").asText(), payload, metadata);
        Instant time = Instant.parse(json.path("time").asText());
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, json.path("subject").asText(),
                Long.parseLong(json.path("sequence").asText("0")), message, time);
    }

    static final class UnknownEventType extends RuntimeException {
        UnknownEventType(String type) { super(type, null, false, false); }
    }

    /** Names of the attributes every event has, for documentation and tests. */
    public static List<String> requiredAttributes() {
        return List.of("specversion", "id", "source", "type", "subject", "time", "sequence", "data");
    }
}
