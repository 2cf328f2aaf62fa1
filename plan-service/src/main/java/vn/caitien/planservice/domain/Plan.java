package vn.caitien.planservice.domain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import vn.caitien.api.catalog.Framework;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.item.ActionItemAdded;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.ActionItemRemoved;
import vn.caitien.api.item.ActionItemUpdated;
import vn.caitien.api.item.AddActionItem;
import vn.caitien.api.item.RemoveActionItem;
import vn.caitien.api.item.UpdateActionItem;
import vn.caitien.api.plan.ApprovePlan;
import vn.caitien.api.plan.CreatePlan;
import vn.caitien.api.plan.PlanApproved;
import vn.caitien.api.plan.PlanCreated;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.plan.PlanStatus;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.RecordProgress;
import vn.caitien.api.report.ReportPeriod;
import vn.caitien.api.report.ReportSubmitted;
import vn.caitien.api.report.SubmitReport;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A school's improvement plan for one school year. It decides every command against the plan's own
 * framework and state, and changes state only from its events.
 * <p>
 * Its snapshots are its fields as JSON. Change the revision whenever the fields change: snapshots of another
 * revision are then ignored and the plan is replayed from its events.
 * <p>
 * Its size is bounded by {@link PlanLimits}: each command's content is judged before it is applied, and the
 * plan keeps, from its events, how many characters of content it holds ({@code contentChars}).
 */
@Aggregate(commandTargetResolver = "planTargetResolver", repository = "planRepository",
        snapshotFilter = "planSnapshotFilter")
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Plan {
    @AggregateIdentifier
    private PlanId planId;
    private String frameworkId;
    private SchoolYear schoolYear;
    private PlanStatus status;
    private final Map<ActionItemId, ActionItemDetails> items = new HashMap<>();
    private final Set<String> progressIds = new HashSet<>();
    private final Map<ReportPeriod, Integer> reportRevisions = new EnumMap<>(ReportPeriod.class);
    /** Characters of text the plan holds: header, current rows, every progress record, reason and report. */
    private long contentChars;

    protected Plan() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Plan(CreatePlan command, FrameworkCatalog catalog, PlanLimits limits) {
        long size = limits.checkContent(PlanContent.header(command.school(), command.frameworkId(),
                command.documentNumber(), command.issuePlace(), command.legalBases(), command.baseline()));
        limits.checkPlanSize(0, size);
        PlanRules.checkNewPlan(command, catalog);
        apply(new PlanCreated(command.planId(), command.school(), command.frameworkId(), command.schoolYear(),
                command.documentNumber(), command.issueDate(), command.issuePlace(), command.legalBases(),
                command.baseline()));
    }

    /**
     * A command sent with an expected version ({@link ExpectedVersionResolver}) that events have passed
     * since is refused before it is decided, with ConflictingAggregateVersionException (409 + current
     * version), instead of being judged against a state its sender never saw.
     */
    @CommandHandlerInterceptor
    void refuseChangesBasedOnAnOlderVersion() {
        ConflictResolution.getConflictResolver().detectConflicts(newerEvents -> true);
    }

    @CommandHandler
    public ActionItemId handle(AddActionItem command, FrameworkCatalog catalog, PlanLimits limits) {
        if (items.containsKey(command.itemId())) {
            throw new PlanRejected(Rejection.DUPLICATE_ITEM, "Nội dung " + command.itemId() + " đã có trong kế hoạch");
        }
        limits.checkRoomForAnItem(items.size());
        ActionItemDetails details = PlanRules.checkDetails(command.details(), framework(catalog));
        String reason = amendmentReason(command.amendmentReason());
        limits.checkPlanSize(contentChars, limits.checkContent(PlanContent.item(details, reason)));
        apply(new ActionItemAdded(planId, command.itemId(), details, reason));
        return command.itemId();
    }

    @CommandHandler
    public void handle(UpdateActionItem command, FrameworkCatalog catalog, PlanLimits limits) {
        ActionItemDetails before = requireItem(command.itemId());
        ActionItemDetails details = PlanRules.checkDetails(command.details(), framework(catalog));
        String reason = amendmentReason(command.amendmentReason());
        long size = limits.checkContent(PlanContent.item(details, reason));
        limits.checkPlanSize(contentChars, size - PlanContent.chars(PlanContent.item(before, null)));
        apply(new ActionItemUpdated(planId, command.itemId(), details, reason));
    }

    @CommandHandler
    public void handle(RemoveActionItem command, PlanLimits limits) {
        ActionItemDetails before = requireItem(command.itemId());
        String reason = amendmentReason(command.amendmentReason());
        long size = limits.checkContent(PlanContent.item(null, reason));
        limits.checkPlanSize(contentChars, size - PlanContent.chars(PlanContent.item(before, null)));
        apply(new ActionItemRemoved(planId, command.itemId(), reason));
    }

    @CommandHandler
    public void handle(ApprovePlan command) {
        if (status == PlanStatus.APPROVED) {
            throw new PlanRejected(Rejection.ALREADY_APPROVED, "Kế hoạch đã được ban hành trước đó");
        }
        if (items.isEmpty()) {
            throw new PlanRejected(Rejection.NO_ITEMS, "Cần có ít nhất một nội dung cải tiến trước khi ban hành");
        }
        apply(new PlanApproved(planId, command.approvedOn(), command.approvedBy()));
    }

    @CommandHandler
    public String handle(RecordProgress command, FrameworkCatalog catalog, PlanLimits limits) {
        requireApproved("ghi nhận tiến độ");
        ActionItemDetails item = requireItem(command.itemId());
        if (progressIds.contains(command.progressId())) {
            throw new PlanRejected(Rejection.DUPLICATE_PROGRESS, "Bản ghi " + command.progressId() + " đã tồn tại");
        }
        PlanRules.checkProgress(command, item, framework(catalog));
        limits.checkPlanSize(contentChars, limits.checkContent(PlanContent.progress(command.narrative(),
                command.indicatorValues(), command.evidenceCodes())));
        apply(new ProgressRecorded(planId, command.itemId(), command.progressId(), command.status(),
                command.percent(), command.indicatorValues(), command.narrative(), command.evidenceCodes(),
                command.amountSpentToDate(), command.effectiveDate()));
        return command.progressId();
    }

    @CommandHandler
    public int handle(SubmitReport command, PlanLimits limits) {
        requireApproved("nộp báo cáo giám sát");
        if (command.schoolYear() != null && !command.schoolYear().equals(schoolYear)) {
            throw new PlanRejected(Rejection.WRONG_SCHOOL_YEAR, "Kế hoạch thuộc năm học " + schoolYear
                    + ", không phải " + command.schoolYear());
        }
        Integer last = reportRevisions.get(command.period());
        String label = command.period().label();
        String periodLabel = Character.toLowerCase(label.charAt(0)) + label.substring(1);
        if (!command.correction() && last != null) {
            throw new PlanRejected(Rejection.REPORT_ALREADY_SUBMITTED, "Báo cáo " + periodLabel + " năm học "
                    + schoolYear + " đã được nộp; muốn sửa hãy gửi bản đính chính (correction)");
        }
        if (command.correction() && last == null) {
            throw new PlanRejected(Rejection.NOTHING_TO_CORRECT, "Chưa có báo cáo " + periodLabel + " để đính chính");
        }
        if (command.correction() && isBlank(command.correctionReason())) {
            throw new PlanRejected(Rejection.CORRECTION_REASON_REQUIRED, "Bản đính chính cần nêu lý do");
        }
        String correctionReason = command.correction() ? command.correctionReason() : null;
        limits.checkPlanSize(contentChars, limits.checkContent(PlanContent.report(command.summary(),
                command.findings(), command.recommendations(), correctionReason)));
        int revision = last == null ? 1 : last + 1;
        apply(new ReportSubmitted(planId, command.period(), schoolYear, revision, command.summary(),
                command.findings(), command.recommendations(), correctionReason,
                command.submittedOn()));
        return revision;
    }

    @EventSourcingHandler
    void on(PlanCreated event) {
        planId = event.planId();
        frameworkId = event.frameworkId();
        schoolYear = event.schoolYear();
        status = PlanStatus.DRAFT;
        contentChars = PlanContent.chars(PlanContent.header(event.school(), event.frameworkId(), event.documentNumber(),
                event.issuePlace(), event.legalBases(), event.baseline()));
    }

    @EventSourcingHandler
    void on(ActionItemAdded event) {
        items.put(event.itemId(), event.details());
        contentChars += PlanContent.chars(PlanContent.item(event.details(), event.amendmentReason()));
    }

    /** The row's new content replaces its old one; the reason for the change stays in the plan's history. */
    @EventSourcingHandler
    void on(ActionItemUpdated event) {
        ActionItemDetails before = items.put(event.itemId(), event.details());
        contentChars += PlanContent.chars(PlanContent.item(event.details(), event.amendmentReason()))
                - PlanContent.chars(PlanContent.item(before, null));
    }

    @EventSourcingHandler
    void on(ActionItemRemoved event) {
        ActionItemDetails before = items.remove(event.itemId());
        contentChars += PlanContent.chars(PlanContent.item(null, event.amendmentReason()))
                - PlanContent.chars(PlanContent.item(before, null));
    }

    @EventSourcingHandler
    void on(PlanApproved event) { status = PlanStatus.APPROVED; }

    @EventSourcingHandler
    void on(ProgressRecorded event) {
        progressIds.add(event.progressId());
        contentChars += PlanContent.chars(PlanContent.progress(event.narrative(), event.indicatorValues(),
                event.evidenceCodes()));
    }

    @EventSourcingHandler
    void on(ReportSubmitted event) {
        reportRevisions.put(event.period(), event.revision());
        contentChars += PlanContent.chars(PlanContent.report(event.summary(), event.findings(),
                event.recommendations(), event.correctionReason()));
    }

    private Framework framework(FrameworkCatalog catalog) {
        // The framework was checked at creation; a catalogue that lost it is a deployment error.
        return catalog.find(frameworkId)
                .orElseThrow(() -> new IllegalStateException("Framework " + frameworkId + " missing from catalogue"));
    }

    private ActionItemDetails requireItem(ActionItemId itemId) {
        ActionItemDetails details = items.get(itemId);
        if (details == null) {
            throw new PlanRejected(Rejection.UNKNOWN_ITEM, "Kế hoạch không có nội dung cải tiến " + itemId);
        }
        return details;
    }

    private void requireApproved(String action) {
        if (status != PlanStatus.APPROVED) {
            throw new PlanRejected(Rejection.NOT_APPROVED, "Kế hoạch còn là dự thảo: cần ban hành trước khi " + action);
        }
    }

    /** Draft edits need no reason; once approved, every item change is an amendment with one. */
    private String amendmentReason(String reason) {
        if (status != PlanStatus.APPROVED) return null;
        if (isBlank(reason)) {
            throw new PlanRejected(Rejection.AMENDMENT_REASON_REQUIRED,
                    "Kế hoạch đã ban hành: mọi thay đổi nội dung cần nêu lý do điều chỉnh");
        }
        return reason.strip();
    }

    private static boolean isBlank(String s) { return s == null || s.isBlank(); }
}
