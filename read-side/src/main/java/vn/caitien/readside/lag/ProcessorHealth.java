package vn.caitien.readside.lag;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import vn.caitien.readside.deadletter.DeadLetters;

/**
 * DOWN, with the reason, when the processor cannot keep up: stopped or in error, Kafka away, or behind the event
 * store (records waiting on the topic, or events plan-service stored and has not published) without catching up
 * for caitien.processing.stuck-after ({@link ProcessorCheck}). Its bean is named {@code eventProcessing}: the
 * health component of that name. Events parked in the dead-letter queue are reported
 * as details (count and a message) without turning the status DOWN: every other plan is still kept up to date.
 */
public class ProcessorHealth implements HealthIndicator {
    private final ProcessorCheck check;
    private final DeadLetters deadLetters;

    public ProcessorHealth(ProcessorCheck check, DeadLetters deadLetters) {
        this.check = check;
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        ProcessorCheck.Verdict verdict = check.check();
        Health.Builder health = (verdict.up() ? Health.up() : Health.down()).withDetails(verdict.details());
        // Parked events do not stop the other plans: they show in the details, the status stays as it is.
        deadLetters.describe(health);
        return health.build();
    }
}
