package vn.caitien.readside.lag;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Counts events a read service's projections apply, by type, and times how long after plan-service recorded
 * an event it reached the read model (processing lag). Events parked as dead letters are not counted.
 */
public class ProcessingMetrics implements MessageHandlerInterceptor<EventMessage<?>> {
    private final MeterRegistry registry;
    private final Timer lag;
    private final Predicate<String> parked;
    private final String what;

    /** {@code what} names the read model (e.g. "bảng theo dõi"); {@code parked} tells an event id parked as dead letter. */
    public ProcessingMetrics(MeterRegistry registry, String what, Predicate<String> parked) {
        this.registry = registry;
        this.what = what;
        this.parked = parked;
        this.lag = Timer.builder("caitien.events.lag")
                .description("Thời gian từ khi sự kiện được ghi đến khi " + what + " cập nhật")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        EventMessage<?> event = unitOfWork.getMessage();
        // Parked in the dead-letter queue, not applied: counted by the caitien.deadletters gauge instead.
        if (parked.test(event.getIdentifier())) return result;
        unitOfWork.afterCommit(u -> {
            Counter.builder("caitien.events.processed").tag("type", event.getPayloadType().getSimpleName())
                    .description("Sự kiện đã áp dụng vào " + what).register(registry).increment();
            lag.record(Duration.between(event.getTimestamp(), Instant.now()));
        });
        return result;
    }
}
