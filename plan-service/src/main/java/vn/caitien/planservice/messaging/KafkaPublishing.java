package vn.caitien.planservice.messaging;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.api.chain.TopicSeal;

import java.time.Duration;

/** How stored events reach Kafka: in batches, acknowledged once per batch (see {@link PipelinedKafkaPublisher}). */
@Configuration
@ConditionalOnProperty(name = "axon.kafka.publisher.enabled", havingValue = "true", matchIfMissing = true)
public class KafkaPublishing {

    @Bean
    KafkaPublisher<String, byte[]> kafkaPublisher(ProducerFactory<String, byte[]> producers,
                                                  KafkaMessageConverter<String, byte[]> converter, TopicResolver topics,
                                                  Serializer serializer, TopicSeal seal,
                                                  @Value("${caitien.publishing.ack-timeout:PT10S}") Duration ackTimeout) {
        return new PipelinedKafkaPublisher(producers, converter, topics, serializer, seal, ackTimeout);
    }

    /**
     * The publishing processor takes up to this many stored events per transaction (one token update
     * and one wait for acks per batch); when schools are quiet a batch is just the one new event.
     */
    @Bean
    ConfigurerModule publishingBatches(@Value("${caitien.publishing.batch-size:200}") int batchSize) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                KafkaEventPublisher.DEFAULT_PROCESSING_GROUP,
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
    }
}
