package vn.caitien.readside.chain;

import vn.caitien.api.chain.ChainLink;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Events parked by {@link ChainGuard} because they skipped a sequence wait for the missing event; once it
 * has been applied, the one after it extends the chain again. Each round retries, in the plan's order, the
 * waiting letters that are now next in their plan, until none is.
 */
public final class ChainGaps {
    private ChainGaps() {
    }

    /** A parked event waiting for a missing one. */
    private record Waiting(String planId, long sequence, String eventId) {
    }

    /**
     * @param lastApplied a plan's last applied sequence as committed, -1 for none
     * @return how many waiting events were applied
     */
    public static int retry(SequencedDeadLetterQueue<EventMessage<?>> queue, SequencedDeadLetterProcessor<EventMessage<?>> processor,
                            ToLongFunction<String> lastApplied) {
        if (queue.size() == 0) return 0;
        int applied = 0;
        for (boolean progress = true; progress; ) {
            progress = false;
            for (Waiting waiting : waiting(queue)) {
                if (lastApplied.applyAsLong(waiting.planId()) + 1 != waiting.sequence()) continue;
                if (processor.process(letter -> letter.message().getIdentifier().equals(waiting.eventId()))) {
                    applied++;
                    progress = true;
                }
            }
        }
        return applied;
    }

    /** How many parked events were refused by {@link ChainGuard} (not sealed or not extending their chain). */
    public static long refused(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        if (queue.size() == 0) return 0;
        long refused = 0;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letter.diagnostics().containsKey(ChainGuard.REFUSAL)) refused++;
            }
        }
        return refused;
    }

    private static List<Waiting> waiting(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<Waiting> waiting = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (ChainLink.Kind.SKIPPED_SEQUENCE.name().equals(letter.diagnostics().get(ChainGuard.REFUSAL))
                        && letter.message() instanceof DomainEventMessage<?> event) {
                    waiting.add(new Waiting(event.getAggregateIdentifier(), event.getSequenceNumber(), event.getIdentifier()));
                }
            }
        }
        waiting.sort(Comparator.comparing(Waiting::planId).thenComparingLong(Waiting::sequence));
        return waiting;
    }
}
