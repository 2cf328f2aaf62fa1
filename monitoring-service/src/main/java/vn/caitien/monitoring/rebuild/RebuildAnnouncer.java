package vn.caitien.monitoring.rebuild;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.caitien.monitoring.progress.PlanChanged;
import vn.caitien.monitoring.progress.ReadModelRebuilt;

/**
 * Tells the live side (open dashboards, the compacted progress topic) of a bulk rebuild through what it
 * already listens to: one {@link PlanChanged} per plan — not per replayed event — all in one
 * transaction, so listeners that gather a transaction's changes hear of them together after it
 * commits. Runs on the rebuild's thread once the rebuild is DONE.
 */
@Component
class RebuildAnnouncer {
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    RebuildAnnouncer(ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener
    public void on(ReadModelRebuilt rebuilt) {
        transaction.executeWithoutResult(status -> rebuilt.planIds().forEach(id -> events.publishEvent(new PlanChanged(id))));
    }
}
