package vn.caitien.monitoring.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.readside.messaging.ReadSideProcessor;


/**
 * This service's processor: the shared read side (vn.caitien.readside) gives it the topic, dedup, batched
 * writes, chain guard, dead letters, health and metrics.
 */
@Configuration
public class ConsumerConfiguration {
    public static final String PROCESSOR = "monitoring";
    /** Overdue is judged by today's date in Vietnam. */

    @Bean
    ReadSideProcessor readSideProcessor() { return new ReadSideProcessor(PROCESSOR, "bảng theo dõi"); }
}
