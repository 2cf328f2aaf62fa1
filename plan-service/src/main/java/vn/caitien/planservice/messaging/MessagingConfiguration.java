package vn.caitien.planservice.messaging;

import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.api.wire.MetadataKeys;

import java.util.HashMap;
import java.util.Map;

@Configuration
public class MessagingConfiguration {

    /** Events leave as CloudEvents JSON with stable type names (docs/events.md), keyed by plan id. */
    @Bean
    KafkaMessageConverter<String, byte[]> kafkaMessageConverter() { return new CloudEventsConverter(); }

    /**
     * Every event carries who asked (as shown, and the token subject) and the request's correlation id
     * from its command; the causation id is the command itself.
     */
    @Bean
    CorrelationDataProvider actorAndCorrelation() {
        return new CorrelationDataProvider() {
            @Override
            public Map<String, ?> correlationDataFor(Message<?> message) {
                Map<String, Object> data = new HashMap<>();
                Object actor = message.getMetaData().get(MetadataKeys.ACTOR);
                Object actorId = message.getMetaData().get(MetadataKeys.ACTOR_ID);
                Object correlation = message.getMetaData().get(MetadataKeys.CORRELATION_ID);
                if (actor != null) data.put(MetadataKeys.ACTOR, actor);
                if (actorId != null) data.put(MetadataKeys.ACTOR_ID, actorId);
                data.put(MetadataKeys.CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
                data.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
                return data;
            }
        };
    }
}
