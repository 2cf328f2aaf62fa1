package vn.caitien.readside;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.readside.deadletter.DeadLetters;
import vn.caitien.readside.lag.ProcessorCheck;
import vn.caitien.readside.lag.ProcessorHealth;
import vn.caitien.readside.lag.ReadSideLag;
import vn.caitien.readside.lag.StoreHeadListener;
import vn.caitien.readside.lag.TopicPositions;
import vn.caitien.readside.messaging.ReadSideProcessor;

import java.time.Clock;
import java.time.Duration;

/**
 * The processor's lag against the topic and against plan-service's event store, as gauges and as the
 * {@code eventProcessing} health component (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class LagConfiguration {

    /** How far the processor has read the plan events topic: consumer lag (and monitoring's rebuild progress). */
    @Bean
    TopicPositions topicPositions(@Value("${axon.kafka.bootstrap-servers}") String bootstrap,
                                  @Value("${axon.kafka.default-topic}") String topic, ReadSideProcessor processor,
                                  EventProcessingConfiguration processing) {
        return new TopicPositions(bootstrap, topic, processor.name(), processing);
    }

    /** The newest store head plan-service sent, sealed with the topic key. */
    @Bean(destroyMethod = "close")
    StoreHeadListener storeHeads(@Value("${axon.kafka.bootstrap-servers}") String bootstrap, TopicSeal seal,
                                 ReadSideProcessor processor) {
        return new StoreHeadListener(bootstrap, processor.storeHeadClientId(), seal);
    }

    @Bean
    ProcessorCheck processorCheck(TopicPositions positions, StoreHeadListener storeHeads, MeterRegistry metrics,
                                  ReadSideProcessor processor,
                                  @Value("${caitien.processing.stuck-after:PT60S}") Duration stuckAfter,
                                  @Value("${caitien.processing.store-head-stale-after:PT60S}") Duration staleAfter) {
        ProcessorCheck check = new ProcessorCheck(positions, storeHeads, new ReadSideLag(stuckAfter, staleAfter),
                Clock.systemUTC());
        check.registerGauges(metrics, processor.readModel());
        return check;
    }

    /** Named for the health component it answers: /actuator/health/eventProcessing. */
    @Bean("eventProcessing")
    ProcessorHealth eventProcessing(ProcessorCheck check, DeadLetters deadLetters) {
        return new ProcessorHealth(check, deadLetters);
    }
}
