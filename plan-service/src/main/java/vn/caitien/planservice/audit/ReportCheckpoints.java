package vn.caitien.planservice.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import vn.caitien.api.report.ReportSubmitted;
import vn.caitien.planservice.messaging.AfterCommit;
import vn.caitien.planservice.view.PlanViewProjection;

/**
 * A submitted report is what officers and auditors rely on later: the plan's head is anchored as soon as the
 * submission has committed. Runs in plan-view's subscribing processor, inside the command's transaction, where
 * the event already carries the hash it is stored with; the checkpoint itself is taken after the commit.
 */
@Component
@ProcessingGroup(PlanViewProjection.GROUP)
class ReportCheckpoints {
    private final Checkpointer checkpointer;

    ReportCheckpoints(Checkpointer checkpointer) {
        this.checkpointer = checkpointer;
    }

    @EventHandler
    void on(ReportSubmitted event, @SequenceNumber long sequence, @MetaDataValue(EventContent.HASH) String hash) {
        if (hash == null) return;
        String planId = event.planId().value();
        AfterCommit.run(() -> checkpointer.reportSubmitted(planId, sequence, hash));
    }
}
