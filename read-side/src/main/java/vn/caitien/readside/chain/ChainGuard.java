package vn.caitien.readside.chain;

import vn.caitien.api.chain.ChainLink;
import vn.caitien.api.chain.TopicSeal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Lets an event reach a read service's projections only when plan-service sealed its record and it
 * extends its plan's chain ({@link ChainLink}); registered after the dedup, so an exact redelivery (same
 * event id) is skipped before it gets here.
 * <p>
 * A refused event is parked in the processor's dead-letter queue under a sequence of its own, never the
 * plan's: it must not hold back the genuine events of its plan that come after it, and nothing it carries
 * is applied. An event that skipped a sequence waits there until the missing one has been applied
 * ({@link ChainGaps}). Each refusal is an alarm: an ERROR log line and {@code alarm}, which counts it.
 * Events of a plan whose own sequence is in the queue (a projection failed on an earlier one) go on to
 * wait behind it, as before; a retried letter is checked again and, refused, stays parked.
 */
public final class ChainGuard implements MessageHandlerInterceptor<EventMessage<?>> {
    /** The letter diagnostic holding the {@link ChainLink.Kind} of a refusal. */
    public static final String REFUSAL = "chainRefusal";

    /** The alarm's counter, {@code caitien.events.refused}: events a processor refused, by reason. */
    public static Consumer<ChainLink.Kind> refusalCounter(MeterRegistry metrics, String processor) {
        return kind -> Counter.builder("caitien.events.refused").tag("processor", processor)
                .tag("reason", kind.name())
                .description("Sự kiện bị từ chối: không có dấu niêm phong của plan-service hoặc không nối đúng chuỗi")
                .register(metrics).increment();
    }

    /** A dead letter's diagnostics, noting ({@link #REFUSAL}) why this guard refused it when it did. */
    public static MetaData noteRefusal(MetaData diagnostics, Throwable cause) {
        return cause instanceof Refused refused ? diagnostics.and(REFUSAL, refused.kind().name()) : diagnostics;
    }
    private static final Logger log = LoggerFactory.getLogger(ChainGuard.class);

    /** Where a read service remembers each plan's last applied event, in its read model. */
    public interface Heads {
        /** The plan's last applied event as this unit of work sees it (its own advances included), or null. */
        ChainLink.Head head(UnitOfWork<? extends EventMessage<?>> unitOfWork, String planId);

        /** The event just applied is now the plan's last; written in the unit of work's transaction. */
        void advance(UnitOfWork<? extends EventMessage<?>> unitOfWork, String planId, ChainLink.Head head);
    }

    private final Heads heads;
    private final Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue;
    private final Predicate<String> parkedMeanwhile;
    private final Consumer<ChainLink.Kind> alarm;

    /**
     * @param parkedMeanwhile whether the event with this id was parked by its handlers rather than applied
     * @param alarm           told of each refusal (a counter metric)
     */
    public ChainGuard(Heads heads, Supplier<SequencedDeadLetterQueue<EventMessage<?>>> queue,
                      Predicate<String> parkedMeanwhile, Consumer<ChainLink.Kind> alarm) {
        this.heads = heads;
        this.queue = queue;
        this.parkedMeanwhile = parkedMeanwhile;
        this.alarm = alarm;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        boolean retry = unitOfWork.resources().containsKey(DeadLetter.class.getName());
        String planId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
        long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        String hash = text(event.getMetaData(), ChainLink.HASH_KEY);
        ChainLink.Verdict verdict;
        Object seal = event.getMetaData().get(TopicSeal.CHECK);
        if (!TopicSeal.VALID.equals(seal)) {
            verdict = ChainLink.notSealed(planId, sequence, String.valueOf(seal));
        } else {
            // Behind a parked event of its plan: the dead-letter queue keeps it in order for the retry.
            if (!retry && queue.get().contains(planId)) return chain.proceed();
            verdict = ChainLink.check(planId, heads.head(unitOfWork, planId), sequence,
                    text(event.getMetaData(), ChainLink.PREVIOUS_HASH_KEY), hash);
        }
        if (!verdict.extendsChain()) {
            if (retry) throw new Refused(verdict);
            log.error("Từ chối sự kiện {}: {}", event.getIdentifier(), verdict.reason());
            alarm.accept(verdict.kind());
            park(event, planId, verdict);
            return null;
        }
        Object result = chain.proceed();
        if (!parkedMeanwhile.test(event.getIdentifier())) heads.advance(unitOfWork, planId, new ChainLink.Head(sequence, hash));
        return result;
    }

    private void park(EventMessage<?> event, String planId, ChainLink.Verdict verdict) {
        // A sequence of its own, bounded in length whatever the record claims.
        String sequence = "refused/" + UUID.nameUUIDFromBytes((planId + "\n" + event.getIdentifier())
                .getBytes(StandardCharsets.UTF_8));
        try {
            queue.get().enqueue(sequence, new GenericDeadLetter<EventMessage<?>>(sequence, event, new Refused(verdict))
                    .withDiagnostics(MetaData.with(REFUSAL, verdict.kind().name())));
        } catch (DeadLetterQueueOverflowException e) {
            // A flood of refused records: the event is still not applied; the alarm above has been given.
            log.error("Hàng đợi thư chết đã đầy, sự kiện bị từ chối {} không được giữ lại: {}", event.getIdentifier(),
                    e.getMessage());
        }
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    /** Why an event was not applied: the cause of its dead letter. */
    public static final class Refused extends RuntimeException {
        private final ChainLink.Kind kind;

        public Refused(ChainLink.Verdict verdict) {
            super(verdict.reason(), null, false, false);
            this.kind = verdict.kind();
        }

        public ChainLink.Kind kind() { return kind; }
    }
}
