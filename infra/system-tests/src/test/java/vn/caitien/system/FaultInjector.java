package vn.caitien.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks an {@link IsolatedSystem} while it is under load and writes down when and for how long:
 * the Kafka broker stopped and started again, PostgreSQL stopped and started again (every open
 * connection and transaction cut), and {@code kill -9} of a service followed by a restart.
 */
final class FaultInjector {
    /** One fault: when it began (seconds since the run started), what it was, how long until healthy again. */
    record Fault(double atSeconds, String what, Duration outage, Duration recovery) {
        @Override
        public String toString() {
            return String.format("+%6.1f s  %-44s gián đoạn %5.1f s, hồi phục sau %5.1f s", atSeconds, what,
                    outage.toMillis() / 1000.0, recovery.toMillis() / 1000.0);
        }
    }

    private final IsolatedSystem system;
    private final long startedAt;
    private final List<Fault> faults = new ArrayList<>();

    FaultInjector(IsolatedSystem system, long startedAt) {
        this.system = system;
        this.startedAt = startedAt;
    }

    /** Stops the broker for {@code down}, then starts it on the same port and data. */
    void restartKafka(Duration down) throws InterruptedException {
        long t0 = System.nanoTime();
        system.stack.kafka().stop();
        Thread.sleep(down.toMillis());
        system.stack.kafka().start();
        record("Kafka: dừng broker rồi chạy lại", t0, System.nanoTime() - t0, System.nanoTime() - t0);
    }

    /** Stops PostgreSQL (fast shutdown) for {@code down}, then starts it on the same port and cluster. */
    void restartPostgres(Duration down) throws InterruptedException {
        long t0 = System.nanoTime();
        system.stack.postgres().stop();
        Thread.sleep(down.toMillis());
        system.stack.postgres().start();
        record("PostgreSQL: dừng rồi chạy lại", t0, System.nanoTime() - t0, System.nanoTime() - t0);
    }

    /** {@code kill -9} the service, then start it again and wait until it is healthy. */
    void killAndRestart(ManagedService service) throws Exception {
        long t0 = System.nanoTime();
        long pid = service.pid();
        service.kill();
        long killed = System.nanoTime();
        Duration startup = service.restart();
        record("kill -9 " + service.label() + " (pid " + pid + ")", t0, killed - t0 + startup.toNanos(),
                System.nanoTime() - t0);
    }

    List<Fault> faults() { return List.copyOf(faults); }

    private void record(String what, long t0, long outageNanos, long recoveryNanos) {
        faults.add(new Fault((t0 - startedAt) / 1e9, what, Duration.ofNanos(outageNanos), Duration.ofNanos(recoveryNanos)));
    }
}
