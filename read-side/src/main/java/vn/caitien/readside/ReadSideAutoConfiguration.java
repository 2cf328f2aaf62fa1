package vn.caitien.readside;

import vn.caitien.api.plan.BusinessTime;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.autoconfig.KafkaAutoConfiguration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.readside.chain.ChainGuard;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.wire.CloudEventsConverter;
import vn.caitien.readside.deadletter.DeadLetterController;
import vn.caitien.readside.deadletter.DeadLetterTable;
import vn.caitien.readside.deadletter.DeadLetters;
import vn.caitien.readside.deadletter.ParkingDeadLetterQueue;
import vn.caitien.readside.lag.ProcessingMetrics;
import vn.caitien.readside.messaging.ArrivalOrderBuffer;
import vn.caitien.readside.messaging.ChainHeads;
import vn.caitien.readside.messaging.EventSavepoints;
import vn.caitien.readside.messaging.ProcessedEvents;
import vn.caitien.readside.messaging.QueuedWrites;
import vn.caitien.readside.messaging.ReadSideProcessor;
import vn.caitien.readside.messaging.TokenTable;
import vn.caitien.readside.report.ReportCadence;
import vn.caitien.readside.web.ReadProblems;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What a read service needs to keep read models from plan-service's events, once for monitoring and reporting:
 * the topic in fetch order, each event id once, the projection's writes batched, a savepoint per event, the chain
 * guard, the dead-letter queue and its endpoints, health and metrics, the shared tables (Flyway location
 * {@value #MIGRATIONS}), problem responses, report due dates and the Vietnamese clock. A service switches it on by
 * declaring its processor as a {@link ReadSideProcessor} bean; it goes before Axon's own auto-configuration,
 * whose defaults (an event store, camelCase tables, a plain Kafka source) a read service must not get.
 */
@AutoConfiguration(before = {KafkaAutoConfiguration.class, AxonAutoConfiguration.class,
        EventProcessingAutoConfiguration.class, JdbcAutoConfiguration.class})
@ConditionalOnBean(ReadSideProcessor.class)
@Import({KeyFilesConfiguration.class, LagConfiguration.class})
public class ReadSideAutoConfiguration {
    /**
     * The tables every read service has (token_entry, processed_event, dead_letter_entry), as versions 1 and 4
     * beside the service's own db/migration: their versions are taken in every service (docs/architecture.md).
     */
    public static final String MIGRATIONS = "classpath:db/readside";
    /** Due dates, report dates and overdue are Vietnamese dates. */

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

    /** A read service stores no events of its own: a plain bus keeps Axon from opening an event store. */
    @Bean
    EventBus eventBus() { return SimpleEventBus.builder().build(); }

    /** Tokens (Kafka offsets) go to the service's own snake_case token_entry table. */
    @Bean
    TokenSchema tokenSchema() { return TokenTable.schema(); }

    @Bean
    QueuedWrites queuedWrites(JdbcTemplate jdbc) { return new QueuedWrites(jdbc); }

    @Bean
    ChainHeads chainHeads(JdbcTemplate jdbc, QueuedWrites writes) { return new ChainHeads(jdbc, writes); }

    /**
     * Each event id once; then only events plan-service sealed that extend their plan's chain
     * ({@link ChainGuard}: the others are parked with an alarm, and never take a genuine event's place); then measured.
     */
    @Bean
    ConfigurerModule deduplicateAndMeasureEvents(ReadSideProcessor processor, JdbcTemplate jdbc, QueuedWrites writes,
                                                 ChainHeads heads, MeterRegistry metrics) {
        String name = processor.name();
        return configurer -> configurer.eventProcessing()
                .registerHandlerInterceptor(name, c -> new ProcessedEvents(jdbc, writes, name))
                .registerHandlerInterceptor(name, c -> new ChainGuard(heads,
                        () -> c.eventProcessingConfiguration().deadLetterQueue(name).orElseThrow(),
                        EventSavepoints::wasParked, ChainGuard.refusalCounter(metrics, name)))
                .registerHandlerInterceptor(name, c -> new ProcessingMetrics(metrics, processor.readModel(),
                        EventSavepoints::wasParked));
    }

    /**
     * An event a projection cannot apply is parked in the JDBC dead-letter queue, sequenced per plan
     * (aggregate id): later events of that plan wait behind it, other plans go on.
     */
    @Bean
    ConfigurerModule parkPoisonEvents(ReadSideProcessor processor, ConnectionProvider connections) {
        String name = processor.name();
        return configurer -> configurer.eventProcessing()
                .registerDeadLetterQueue(name, c -> new ParkingDeadLetterQueue(
                        JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(name)
                                .connectionProvider(connections)
                                .transactionManager(c.getComponent(TransactionManager.class))
                                .schema(DeadLetterTable.schema())
                                .maxSequences(DeadLetters.MAX_SEQUENCES)
                                .genericSerializer(c.serializer())
                                .eventSerializer(c.eventSerializer())))
                .registerDeadLetterPolicy(name, c -> DeadLetters.policy());
    }

    @Bean
    DeadLetters deadLetters(EventProcessingConfiguration processing, ReadSideProcessor processor, ChainHeads heads,
                            MeterRegistry metrics) {
        return new DeadLetters(processing, processor, heads, metrics);
    }

    /** GET /api/admin/dead-letters and POST /api/admin/dead-letters/retry. */
    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) { return new DeadLetterController(deadLetters); }

    /** Problem+json in Vietnamese for every refused read. */
    @Bean
    ReadProblems readProblems() { return new ReadProblems(); }

    /** Which reports schools owe and when: configuration under caitien.reports.cadence. */
    @Bean
    @ConfigurationProperties("caitien.reports.cadence")
    ReportCadence reportCadence() { return new ReportCadence(); }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() { return Clock.system(BusinessTime.ZONE); }

    /** The shared tables' migrations, after whatever locations the service configured. */
    @Bean
    FlywayConfigurationCustomizer readSideMigrations() {
        return flyway -> {
            List<Location> locations = new ArrayList<>(List.of(flyway.getLocations()));
            Location shared = new Location(MIGRATIONS);
            if (!locations.contains(shared)) locations.add(shared);
            flyway.locations(locations.toArray(Location[]::new));
        };
    }
}
