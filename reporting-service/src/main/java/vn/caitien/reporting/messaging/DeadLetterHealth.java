package vn.caitien.reporting.messaging;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Events the reporting projections could not apply: UP (the other plans are kept up to date) with
 * the number of parked events and plans, and a message when there are any.
 */
@Component("deadLetterQueue")
public class DeadLetterHealth implements HealthIndicator {
    private final DeadLetters deadLetters;

    public DeadLetterHealth(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("processor", ConsumerConfiguration.PROCESSOR);
        deadLetters.describe(health);
        return health.build();
    }
}
