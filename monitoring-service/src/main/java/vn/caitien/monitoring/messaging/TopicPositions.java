package vn.caitien.monitoring.messaging;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.caitien.api.lag.ProcessorPositions;

/** How far the monitoring processor has read the plan events topic: consumer lag and rebuild progress. */
@Component
public class TopicPositions extends ProcessorPositions implements DisposableBean {

    public TopicPositions(@Value("${axon.kafka.bootstrap-servers}") String bootstrap,
                          @Value("${axon.kafka.default-topic}") String topic, EventProcessingConfiguration processing) {
        super(bootstrap, topic, ConsumerConfiguration.PROCESSOR, processing);
    }

    @Override
    public void destroy() { close(); }
}
