package vn.caitien.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing on the login form ({@link IdentityProperties.LoginLimits}): wrong passwords are
 * counted per account and per client address over a sliding window; past the limit, attempts for that account
 * or from that address are refused for a while before any password is checked. A successful login clears the
 * account's count (not the address's: logging in to one's own account must not reset the count of guesses
 * made from the same machine at other accounts). Unknown user names count as accounts too, so guessing names
 * is slowed the same way. Counts live in memory, as the embedded server's sessions do.
 */
final class LoginThrottle {
    /** Past this many tracked names and addresses, the ones with nothing left to remember are dropped. */
    private static final int TIDY_ABOVE = 10_000;

    private final IdentityProperties.LoginLimits limits;
    private final Clock clock;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    LoginThrottle(IdentityProperties.LoginLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long attempts for this account from this address stay refused; empty when they may try. */
    Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration account = remaining(accounts.get(key(username)), now);
        Duration from = remaining(addresses.get(address == null ? "" : address), now);
        Duration longest = account.compareTo(from) >= 0 ? account : from;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        record(accounts, key(username), limits.maxFailures(), now);
        record(addresses, address == null ? "" : address, limits.maxFailuresPerAddress(), now);
    }

    void succeeded(String username) {
        accounts.remove(key(username));
    }

    private void record(Map<String, Failures> counts, String key, int max, Instant now) {
        if (counts.size() > TIDY_ABOVE) counts.values().removeIf(f -> f.forgettable(now, limits.window()));
        counts.computeIfAbsent(key, k -> new Failures()).add(now, max, limits);
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null) return Duration.ZERO;
        Instant until = failures.lockedUntil();
        return until == null || !until.isAfter(now) ? Duration.ZERO : Duration.between(now, until);
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** The recent wrong passwords of one account or address, and until when it is locked. */
    private static final class Failures {
        private final Deque<Instant> recent = new ArrayDeque<>();
        private Instant lockedUntil;

        synchronized void add(Instant now, int max, IdentityProperties.LoginLimits limits) {
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(limits.window()))) recent.removeFirst();
            recent.addLast(now);
            if (recent.size() >= max) {
                lockedUntil = now.plus(limits.lockFor());
                recent.clear();
            }
        }

        synchronized Instant lockedUntil() { return lockedUntil; }

        synchronized boolean forgettable(Instant now, Duration window) {
            boolean locked = lockedUntil != null && lockedUntil.isAfter(now);
            return !locked && (recent.isEmpty() || !recent.peekLast().isAfter(now.minus(window)));
        }
    }
}
