package vn.caitien.reporting.render;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The real renderers, except that renders of the plans a test holds wait until it releases them: a slow
 * renderer for the timeout path, without any waiting in production code and without slowing other tests.
 */
@TestConfiguration
public class SlowRenders {

    /** Which plans' reports render slowly, until released. */
    public static final class Gate {
        private final Set<String> held = ConcurrentHashMap.newKeySet();
        private volatile CountDownLatch released = new CountDownLatch(0);

        public synchronized void hold(String planId) {
            if (released.getCount() == 0) released = new CountDownLatch(1);
            held.add(planId);
        }

        public synchronized void release() {
            held.clear();
            released.countDown();
        }

        void pass(String planId) {
            if (!held.contains(planId)) return;
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Rendering abandoned", e);
            }
        }
    }

    @Bean
    Gate renderGate() {
        return new Gate();
    }

    @Bean
    @Primary
    DocumentRenderer gatedRenderer(ReportRenderers renderers, Gate gate) {
        return (report, format) -> {
            gate.pass(report.planId());
            return renderers.render(report, format);
        };
    }
}
