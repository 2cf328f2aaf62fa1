package vn.caitien.monitoring.rebuild;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.caitien.monitoring.progress.PlanChanged;
import vn.caitien.monitoring.progress.ReadModelRebuilt;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Tells the live side (open dashboards, the compacted progress topic) of a bulk rebuild through what it
 * already listens to: one {@link PlanChanged} per plan — not per replayed event — all in one
 * transaction, so listeners that gather a transaction's changes hear of them together after it
 * commits. Republishing every plan's summary takes a while, so it runs on a thread of its own once the
 * rebuild is DONE, and a next rebuild does not wait for it.
 */
@Component
class RebuildAnnouncer implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(RebuildAnnouncer.class);
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ExecutorService announcing = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "monitoring-rebuild-announce");
        thread.setDaemon(true);
        return thread;
    });

    RebuildAnnouncer(ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener
    public void on(ReadModelRebuilt rebuilt) {
        announcing.execute(() -> {
            try {
                transaction.executeWithoutResult(status -> rebuilt.planIds().forEach(id -> events.publishEvent(new PlanChanged(id))));
            } catch (RuntimeException e) {
                log.warn("Chưa báo được cho các trang theo dõi sau khi dựng lại: {}", e.toString());
            }
        });
    }

    @Override
    public void destroy() {
        announcing.shutdownNow();
    }
}
