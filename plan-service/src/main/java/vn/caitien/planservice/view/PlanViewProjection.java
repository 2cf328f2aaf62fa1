package vn.caitien.planservice.view;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.PlanEvent;
import vn.caitien.api.plan.PlanStatus;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.report.ReportSubmitted;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps plan-service's own view of each plan. It runs in a subscribing processor, inside the
 * command's transaction, so a client reads its own write at once.
 */
@Component
@ProcessingGroup(PlanViewProjection.GROUP)
public class PlanViewProjection {
    public static final String GROUP = "plan-view";

    private final PlanViewRepository views;

    public PlanViewProjection(PlanViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(PlanCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        PlanView view = PlanView.created(event);
        view.version = version;
        views.save(view, at);
    }

    @EventHandler
    void on(ActionItemAdded e, @Timestamp Instant at, @SequenceNumber long version) {
        change(e, at, version, v -> v.putItem(e.itemId().value(), e.details(), e.amendmentReason()));
    }

    @EventHandler
    void on(ActionItemUpdated e, @Timestamp Instant at, @SequenceNumber long version) {
        change(e, at, version, v -> v.putItem(e.itemId().value(), e.details(), e.amendmentReason()));
    }

    @EventHandler
    void on(ActionItemRemoved e, @Timestamp Instant at, @SequenceNumber long version) {
        change(e, at, version, v -> v.removeItem(e.itemId().value()));
    }

    /** Progress is not part of this view, but it moves the plan's version on (the ETag clients send back). */
    @EventHandler
    void on(ProgressRecorded e, @SequenceNumber long version) {
        if (!views.setVersion(e.planId().value(), version)) {
            throw new IllegalStateException("No view for plan " + e.planId());
        }
    }

    @EventHandler
    void on(PlanApproved e, @Timestamp Instant at, @SequenceNumber long version) {
        change(e, at, version, v -> {
            v.status = PlanStatus.APPROVED;
            v.approvedOn = e.approvedOn();
            v.approvedBy = e.approvedBy();
        });
    }

    @EventHandler
    void on(ReportSubmitted e, @Timestamp Instant at, @SequenceNumber long version) {
        change(e, at, version, v -> v.reports.add(new PlanView.Report(e.period(), e.revision(), e.summary(),
                e.correctionReason(), e.submittedOn())));
    }

    private void change(PlanEvent event, Instant at, long version, Consumer<PlanView> change) {
        PlanView view = views.find(event.planId().value())
                .orElseThrow(() -> new IllegalStateException("No view for plan " + event.planId()));
        change.accept(view);
        view.version = version;
        views.save(view, at);
    }
}
