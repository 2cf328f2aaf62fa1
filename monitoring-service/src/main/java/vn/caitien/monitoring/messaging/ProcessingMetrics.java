package vn.caitien.monitoring.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts events the projection applies, by type, and times how long after plan-service recorded
 * an event it reached the read model (processing lag).
 */
public class ProcessingMetrics implements MessageHandlerInterceptor<EventMessage<?>> {
    private final MeterRegistry registry;
    private final Timer lag;

    public ProcessingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("caitien.events.lag")
                .description("Thời gian từ khi sự kiện được ghi đến khi bảng theo dõi cập nhật")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        EventMessage<?> event = unitOfWork.getMessage();
        // Parked in the dead-letter queue, not applied: counted by the caitien.deadletters gauge instead.
        if (EventSavepoints.wasParked(event.getIdentifier())) return result;
        unitOfWork.afterCommit(u -> {
            Counter.builder("caitien.events.processed").tag("type", event.getPayloadType().getSimpleName())
                    .description("Sự kiện đã áp dụng vào bảng theo dõi").register(registry).increment();
            lag.record(Duration.between(event.getTimestamp(), Instant.now()));
        });
        return result;
    }
}
