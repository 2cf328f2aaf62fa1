package vn.caitien.monitoring.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.caitien.readside.ReadSideAutoConfiguration;
import vn.caitien.readside.messaging.ReadSideProcessor;

import java.time.ZoneId;

/**
 * This service's processor: the shared read side (vn.caitien.readside) gives it the topic, dedup, batched
 * writes, chain guard, dead letters, health and metrics.
 */
@Configuration
public class ConsumerConfiguration {
    public static final String PROCESSOR = "monitoring";
    /** Overdue is judged by today's date in Vietnam. */
    public static final ZoneId VIETNAM = ReadSideAutoConfiguration.VIETNAM;

    @Bean
    ReadSideProcessor readSideProcessor() { return new ReadSideProcessor(PROCESSOR, "bảng theo dõi"); }
}
