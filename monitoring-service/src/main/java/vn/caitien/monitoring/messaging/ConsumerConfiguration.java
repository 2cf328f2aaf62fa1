package vn.caitien.monitoring.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import vn.caitien.api.chain.KeyFilesConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.api.chain.ChainGuard;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.lag.ProcessingMetrics;
import vn.caitien.api.report.ReportCadence;
import vn.caitien.api.wire.ArrivalOrderBuffer;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.api.wire.DeadLetterTable;
import vn.caitien.api.wire.TokenTable;

import java.time.Clock;
import java.time.ZoneId;

@Configuration
@Import(KeyFilesConfiguration.class)
public class ConsumerConfiguration {
    public static final String PROCESSOR = "monitoring";
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Reads the CloudEvents JSON that plan-service publishes, noting whether each record carries its topic seal. */
    @Bean
    KafkaMessageConverter<String, byte[]> kafkaMessageConverter(TopicSeal seal) { return new CloudEventsConverter(seal); }

    /**
     * The topic as the processor reads it: records in the order they were fetched, so that a stored
     * token never passes a record not yet applied ({@link ArrivalOrderBuffer}).
     */
    @Bean
    StreamableKafkaMessageSource<String, byte[]> streamableKafkaMessageSource(
            KafkaProperties kafka, @Qualifier("eventSerializer") Serializer serializer,
            ConsumerFactory<String, byte[]> consumers, Fetcher<String, byte[], KafkaEventMessage> fetcher,
            KafkaMessageConverter<String, byte[]> converter) {
        return ArrivalOrderBuffer.source(kafka.getDefaultTopic(), serializer, consumers, fetcher, converter,
                kafka.getFetcher().getBufferSize());
    }

    /** This service stores no events of its own: a plain bus keeps Axon from opening an event store. */
    @Bean
    EventBus eventBus() { return SimpleEventBus.builder().build(); }

    /**
     * Each event id once; then only events plan-service sealed that extend their plan's chain
     * ({@link ChainGuard}: the others are parked with an alarm); then measured.
     */
    @Bean
    ConfigurerModule deduplicateAndMeasureEvents(JdbcTemplate jdbc, QueuedWrites writes, ChainHeads heads, MeterRegistry metrics) {
        return configurer -> configurer.eventProcessing()
                .registerHandlerInterceptor(PROCESSOR, c -> new ProcessedEvents(jdbc, writes, PROCESSOR))
                .registerHandlerInterceptor(PROCESSOR, c -> new ChainGuard(heads,
                        () -> c.eventProcessingConfiguration().deadLetterQueue(PROCESSOR).orElseThrow(),
                        EventSavepoints::wasParked, ChainGuard.refusalCounter(metrics, PROCESSOR)))
                .registerHandlerInterceptor(PROCESSOR, c -> new ProcessingMetrics(metrics, "bảng theo dõi", EventSavepoints::wasParked));
    }

    /**
     * An event the projection cannot apply is parked in the JDBC dead-letter queue, sequenced per plan
     * (aggregate id): later events of that plan wait behind it, other plans go on.
     */
    @Bean
    ConfigurerModule parkPoisonEvents(ConnectionProvider connections) {
        return configurer -> configurer.eventProcessing()
                .registerDeadLetterQueue(PROCESSOR, c -> new ParkingDeadLetterQueue(
                        JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(PROCESSOR)
                                .connectionProvider(connections)
                                .transactionManager(c.getComponent(TransactionManager.class))
                                .schema(DeadLetterTable.schema())
                                // Every refused record is a sequence of its own: room for a flood of them.
                                .maxSequences(DeadLetters.MAX_SEQUENCES)
                                .genericSerializer(c.serializer())
                                .eventSerializer(c.eventSerializer())))
                .registerDeadLetterPolicy(PROCESSOR, c -> DeadLetters.policy());
    }

    /** Which reports schools owe and when: configuration under caitien.reports.cadence. */
    @Bean
    @ConfigurationProperties("caitien.reports.cadence")
    ReportCadence reportCadence() { return new ReportCadence(); }

    /** Tokens (Kafka offsets) go to this service's own snake_case token_entry table. */
    @Bean
    TokenSchema tokenSchema() { return TokenTable.schema(); }

    /** Overdue is judged by today's date in Vietnam. */
    @Bean
    Clock clock() { return Clock.system(VIETNAM); }
}
