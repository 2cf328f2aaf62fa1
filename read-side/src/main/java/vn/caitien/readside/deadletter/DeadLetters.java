package vn.caitien.readside.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import vn.caitien.readside.chain.ChainGaps;
import vn.caitien.readside.chain.ChainGuard;
import vn.caitien.api.wire.EventTypes;
import vn.caitien.readside.messaging.ChainHeads;
import vn.caitien.readside.messaging.ReadSideProcessor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The processor's dead-letter queue as this service shows it: events a projection could not apply,
 * parked per plan (later events of that plan wait behind them) while other plans go on.
 */
public class DeadLetters {
    static final String RETRIES = "retries";
    static final int LIST_LIMIT = 500;
    /** Every refused record is a sequence of its own: room for a flood of them. */
    public static final int MAX_SEQUENCES = 100_000;
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private final EventProcessingConfiguration processing;
    private final String processorName;
    private final ChainHeads heads;

    /** One parked event. */
    public record Entry(String planId, String eventId, String eventType, Long sequence, long index,
                        String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched, int retries) {
    }

    public record Counts(long sequences, long letters) {
    }

    public record RetryResult(int sequences, int succeeded, int stillFailing, long remainingLetters, String message) {
    }

    public DeadLetters(EventProcessingConfiguration processing, ReadSideProcessor processor, ChainHeads heads,
                       MeterRegistry metrics) {
        this.processing = processing;
        this.processorName = processor.name();
        this.heads = heads;
        Gauge.builder("caitien.deadletters", this, DeadLetters::lettersOrNaN).tag("processor", processorName)
                .description("Sự kiện không áp dụng được, đang nằm trong hàng đợi chờ xử lý lại").register(metrics);
    }

    /**
     * Parks every failure; a failed retry keeps the letter and counts the attempt in its diagnostics (and,
     * refused by the chain guard, why this time).
     */
    public static EnqueuePolicy<EventMessage<?>> policy() {
        return (letter, cause) -> Decisions.enqueue(cause, l -> {
            MetaData diagnostics = l.diagnostics().and(RETRIES, l instanceof JdbcDeadLetter<?> ? retries(l) + 1 : 0);
            return ChainGuard.noteRefusal(diagnostics, cause);
        });
    }

    /**
     * Events that waited for a missing event of their plan are applied once it has been: checked every few
     * seconds while any wait, and only while the processor runs (a rebuild empties the queue itself).
     */
    @Scheduled(fixedDelayString = "${caitien.chain.gap-retry-interval:PT5S}")
    public synchronized void retryFilledGaps() {
        if (!processing.eventProcessor(processorName).map(p -> p.isRunning()).orElse(false)) return;
        try {
            int applied = ChainGaps.retry(queue(), processor(), heads::lastApplied);
            if (applied > 0) log.info("Đã áp dụng {} sự kiện đã chờ sự kiện còn thiếu của kế hoạch", applied);
        } catch (RuntimeException e) {
            log.warn("Chưa xử lý lại được các sự kiện chờ sự kiện còn thiếu: {}", e.toString());
        }
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor() {
        return processing.sequencedDeadLetterProcessor(processorName)
                .orElseThrow(() -> new IllegalStateException("Chưa cấu hình hàng đợi thư chết"));
    }

    SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return processing.deadLetterQueue(processorName)
                .orElseThrow(() -> new IllegalStateException("Chưa cấu hình hàng đợi thư chết"));
    }

    public Counts counts() {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue();
        return new Counts(queue.amountOfSequences(), queue.size());
    }

    private double lettersOrNaN() {
        try {
            return queue().size();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue().deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (entries.size() >= LIST_LIMIT) return entries;
                entries.add(entry(letter));
            }
        }
        return entries;
    }

    private static Entry entry(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String type;
        try {
            type = EventTypes.nameOf(event.getPayloadType());
        } catch (RuntimeException e) {
            type = String.valueOf(event.getPayloadType());
        }
        return new Entry(planId(letter), event.getIdentifier(), type,
                event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null,
                letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIndex() : 0,
                letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse("Chờ sau một sự kiện lỗi trước đó của cùng kế hoạch"),
                letter.enqueuedAt(), letter.lastTouched(), retries(letter));
    }

    /** Sequences are per plan: the aggregate id of the event. */
    private static String planId(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter.message() instanceof DomainEventMessage<?> domain) return domain.getAggregateIdentifier();
        return letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIdentifier() : letter.message().getIdentifier();
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIdentifier() : planId(letter);
    }

    static int retries(DeadLetter<?> letter) {
        Object value = letter.diagnostics().get(RETRIES);
        if (value instanceof Number n) return n.intValue();
        if (value != null) {
            try {
                return Integer.parseInt(value.toString());
            } catch (NumberFormatException ignored) {
                // not ours
            }
        }
        return 0;
    }

    /** Processes every parked sequence again, oldest first; a sequence stops at its first event that still fails. */
    public synchronized RetryResult retryAll() {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor();
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue();
        Set<String> sequences = new LinkedHashSet<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> first : sequence) {
                sequences.add(sequenceOf(first));
                break;
            }
        }
        int succeeded = 0;
        for (String sequence : sequences) {
            try {
                processor.process(letter -> sequence.equals(sequenceOf(letter)));
            } catch (RuntimeException e) {
                log.warn("Xử lý lại chuỗi sự kiện {} thất bại: {}", sequence, e.toString());
            }
            if (!queue.contains(sequence)) succeeded++;
        }
        int failing = sequences.size() - succeeded;
        long remaining = queue.size();
        String message = sequences.isEmpty() ? "Không có sự kiện lỗi nào cần xử lý lại"
                : "Đã xử lý lại " + sequences.size() + " chuỗi sự kiện: " + succeeded + " thành công, "
                + failing + " vẫn lỗi" + (remaining > 0 ? " (còn " + remaining + " sự kiện chờ)" : "");
        log.info(message);
        return new RetryResult(sequences.size(), succeeded, failing, remaining, message);
    }

    /** Empties the queue: a replay from the start of the topic applies (or parks) everything again. */
    public void clear() {
        queue().clear();
    }

    /** Health details: how many events and plans wait in the queue, with a message for people. */
    public void describe(org.springframework.boot.actuate.health.Health.Builder health) {
        try {
            Counts counts = counts();
            health.withDetail("deadLetters", counts.letters()).withDetail("deadLetterSequences", counts.sequences());
            if (counts.letters() > 0) {
                health.withDetail("deadLetterMessage", "Có " + counts.letters() + " sự kiện của " + counts.sequences()
                        + " kế hoạch không áp dụng được, đang chờ xử lý lại (xem /api/admin/dead-letters)");
                long refused = ChainGaps.refused(queue());
                health.withDetail("refusedEvents", refused);
                if (refused > 0) {
                    health.withDetail("refusedMessage", "CẢNH BÁO: " + refused + " sự kiện bị từ chối vì không có dấu niêm "
                            + "phong của plan-service hoặc không nối đúng chuỗi của kế hoạch (có thể có bản ghi giả trên "
                            + "chủ đề); không sự kiện nào trong số đó được áp dụng");
                }
            }
        } catch (RuntimeException e) {
            health.withDetail("deadLetters", "không đọc được: " + e.getMessage());
        }
    }
}
