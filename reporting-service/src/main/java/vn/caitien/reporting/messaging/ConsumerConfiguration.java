package vn.caitien.reporting.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.readside.messaging.ReadSideProcessor;

/**
 * This service's processor: the shared read side (vn.caitien.readside) gives it the topic, dedup, batched
 * writes, chain guard, dead letters, health and metrics.
 */
@Configuration
public class ConsumerConfiguration {
    public static final String PROCESSOR = "reporting";

    @Bean
    ReadSideProcessor readSideProcessor() { return new ReadSideProcessor(PROCESSOR, "báo cáo"); }
}
