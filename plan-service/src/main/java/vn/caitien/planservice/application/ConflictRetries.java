package vn.caitien.planservice.application;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a command that lost the append race to another request on the same plan is decided again
 * inside its own request (only when the client sent no {@code If-Match}): at most
 * {@code caitien.commands.conflict-attempts} attempts in all, waiting a random time up to
 * {@code caitien.commands.conflict-backoff} times the attempt number before each new one, so requests that
 * collided do not collide again in step. Losing every attempt is still a 409 with the current version.
 */
@Component
public class ConflictRetries {
    private final int attempts;
    private final Duration backoff;

    public ConflictRetries(@Value("${caitien.commands.conflict-attempts:12}") int attempts,
                           @Value("${caitien.commands.conflict-backoff:20ms}") Duration backoff) {
        if (attempts < 1) throw new IllegalArgumentException("caitien.commands.conflict-attempts must be at least 1");
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /** After losing attempt {@code attempt} (1 is the first): waits and says yes, or says no when none are left. */
    boolean another(int attempt) {
        if (attempt >= attempts) return false;
        long bound = backoff.toMillis() * attempt;
        if (bound <= 0) return true;
        try {
            Thread.sleep(1 + ThreadLocalRandom.current().nextLong(bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }
}
