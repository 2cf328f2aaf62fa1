package vn.caitien.monitoring.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.api.chain.TopicSeal;
import vn.caitien.api.lag.ProcessorCheck;
import vn.caitien.api.lag.ReadSideLag;
import vn.caitien.api.lag.StoreHeadListener;

import java.time.Clock;
import java.time.Duration;

/** The processor's lag against plan-service's event store as well as the topic (docs/operations.md). */
@Configuration
public class StoreLagConfiguration {

    /** The newest store head plan-service sent, sealed with the topic key. */
    @Bean(destroyMethod = "close")
    StoreHeadListener storeHeads(@Value("${axon.kafka.bootstrap-servers}") String bootstrap, TopicSeal seal) {
        return new StoreHeadListener(bootstrap, "monitoring-store-head", seal);
    }

    @Bean
    ProcessorCheck processorCheck(TopicPositions positions, StoreHeadListener storeHeads, MeterRegistry metrics,
                                  @Value("${caitien.processing.stuck-after:PT60S}") Duration stuckAfter,
                                  @Value("${caitien.processing.store-head-stale-after:PT60S}") Duration staleAfter) {
        ProcessorCheck check = new ProcessorCheck(positions, storeHeads, new ReadSideLag(stuckAfter, staleAfter),
                Clock.systemUTC());
        check.registerGauges(metrics, "bảng theo dõi");
        return check;
    }
}
