package vn.caitien.planservice.security;

import org.springframework.stereotype.Component;
import vn.caitien.access.Access;
import vn.caitien.access.Caller;
import vn.caitien.access.PlanAction;
import vn.caitien.access.PlanScope;
import vn.caitien.access.Role;
import vn.caitien.api.item.AddActionItem;
import vn.caitien.api.item.RemoveActionItem;
import vn.caitien.api.item.UpdateActionItem;
import vn.caitien.api.plan.ApprovePlan;
import vn.caitien.api.plan.CreatePlan;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.progress.RecordProgress;
import vn.caitien.api.report.SubmitReport;
import vn.caitien.planservice.view.PlanView;
import vn.caitien.planservice.view.PlanViewRepository;

import java.util.List;
import java.util.function.Predicate;

/**
 * What the signed-in user may do with a plan, asked of {@link Access} (the one policy) with the plan's
 * {@link PlanScope} from plan-service's own view. A plan the caller may not read answers exactly as
 * a plan that does not exist (404); a plan they may read but not change this way answers 403 naming
 * who may. Every command is checked here before it is sent (application.PlanCommandSender asks), so a refusal
 * stores nothing.
 */
@Component
public class PlanGuard {
    static final String CREATE = "Chỉ hiệu trưởng của trường được lập hoặc nhập kế hoạch của trường";
    static final String APPROVE = "Chỉ hiệu trưởng của trường được phê duyệt kế hoạch";
    static final String EDIT = "Chỉ hiệu trưởng và thành viên hội đồng tự đánh giá của trường được thêm, sửa hoặc bỏ "
            + "nội dung cải tiến";
    static final String PROGRESS = "Chỉ tổ giám sát của trường, hoặc người chủ trì nội dung này, được ghi nhận tiến độ";
    static final String REPORT = "Chỉ hiệu trưởng và tổ giám sát của trường được nộp báo cáo giám sát";
    static final String NO_UNIT = "Tài khoản chưa được gán đơn vị quản lý của trường (thuộc tính “unit”), nên chưa lập "
            + "được kế hoạch; hãy nhờ quản trị hệ thống bổ sung";
    static final String AUDIT = "Chỉ kiểm định viên được giao phạm vi, hiệu trưởng của trường hoặc quản trị hệ thống "
            + "được kiểm tra chuỗi sự kiện của kế hoạch";

    private final PlanViewRepository views;

    public PlanGuard(PlanViewRepository views) {
        this.views = views;
    }

    /** The plan, if the caller may read it; otherwise the same 404 as for a plan that does not exist. */
    public PlanView readable(String planId) {
        PlanView view = views.find(planId).orElseThrow(() -> new PlanNotFound(planId));
        if (!Access.canRead(Callers.current(), view.scope())) throw new PlanNotFound(planId);
        return view;
    }

    /** For filtering lists: the plans the caller may read. */
    public Predicate<PlanScope> readableScopes() {
        Caller caller = Callers.current();
        return scope -> Access.canRead(caller, scope);
    }

    /** Hash-chain verification (and other audit reads). */
    public void requireAudit(String planId) {
        Caller caller = Callers.current();
        PlanScope scope = views.scopeOf(planId).orElseThrow(() -> new PlanNotFound(planId));
        if (Access.canAudit(caller, scope)) return;
        if (Access.canRead(caller, scope)) throw new NotAllowed(AUDIT);
        throw new PlanNotFound(planId);
    }

    /**
     * Whose plan a plan the caller is about to create or import will be: their own school, under the managing
     * unit of their account (the {@code unit} claim of a school's people) — never what the request says. A
     * request may still name them ({@code school.code}, {@code school.managingUnit}, or the import's
     * parameters); then they must be the account's own, otherwise 403: a school does not choose its overseer.
     */
    public PlanScope scopeOfNewPlan(String requestedCode, List<String> requestedUnit) {
        return scopeOfNewPlan(Callers.current(), requestedCode, requestedUnit);
    }

    private PlanScope scopeOfNewPlan(Caller caller, String requestedCode, List<String> requestedUnit) {
        String own = caller.schoolCode();
        if (own == null || !caller.has(Role.PRINCIPAL)) throw new NotAllowed(CREATE);
        String code = requestedCode == null || requestedCode.isBlank() ? own : requestedCode.strip();
        if (!code.equals(own)) {
            throw new NotAllowed("Chỉ được lập kế hoạch cho trường của mình (mã trường " + own + "), không phải trường "
                    + code);
        }
        List<String> unit = caller.unit() == null ? List.of() : caller.unit();
        if (unit.isEmpty()) throw new NotAllowed(NO_UNIT);
        if (requestedUnit != null && !requestedUnit.isEmpty() && !Access.samePath(requestedUnit, unit)) {
            throw new NotAllowed("Đơn vị quản lý của kế hoạch là đơn vị của trường theo tài khoản (" + String.join(" / ", unit)
                    + "), không chọn được đơn vị khác (" + String.join(" / ", requestedUnit) + ")");
        }
        PlanScope scope = new PlanScope(own, unit);
        if (!Access.may(caller, PlanAction.CREATE_PLAN, scope)) throw new NotAllowed(CREATE);
        return scope;
    }

    /** Refuses (404/403) a command the caller may not send; returns the id of the plan it is for. */
    public String authorize(Caller caller, Object command) {
        if (command instanceof CreatePlan c) {
            PlanScope scope = scopeOfNewPlan(caller, c.school() == null ? null : c.school().code(),
                    c.school() == null ? null : c.school().managingUnit());
            if (c.school() == null || !scope.managingUnit().equals(c.school().managingUnit())) {
                throw new IllegalArgumentException("A new plan's school must carry the account's managing unit");
            }
            return c.planId().value();
        }
        if (command instanceof ApprovePlan c) return require(caller, c.planId(), PlanAction.APPROVE_PLAN, APPROVE);
        if (command instanceof AddActionItem c) return require(caller, c.planId(), PlanAction.EDIT_ITEMS, EDIT);
        if (command instanceof UpdateActionItem c) return require(caller, c.planId(), PlanAction.EDIT_ITEMS, EDIT);
        if (command instanceof RemoveActionItem c) return require(caller, c.planId(), PlanAction.EDIT_ITEMS, EDIT);
        if (command instanceof SubmitReport c) return require(caller, c.planId(), PlanAction.SUBMIT_REPORT, REPORT);
        if (command instanceof RecordProgress c) return progress(caller, c);
        throw new IllegalArgumentException("No access rule for " + command.getClass().getName());
    }

    private String require(Caller caller, PlanId planId, PlanAction action, String whoMay) {
        PlanScope scope = readableScope(caller, planId.value());
        if (!Access.may(caller, action, scope)) throw new NotAllowed(whoMay);
        return planId.value();
    }

    /** The monitoring team on any item; staff on the items whose "Chủ trì" they are. */
    private String progress(Caller caller, RecordProgress command) {
        String planId = command.planId().value();
        PlanScope scope = readableScope(caller, planId);
        if (Access.mayRecordProgress(caller, scope, null)) return planId;
        if (!Access.may(caller, PlanAction.RECORD_PROGRESS, scope)) throw new NotAllowed(PROGRESS);
        var item = views.find(planId).flatMap(v -> v.item(command.itemId().value()));
        // An item the plan does not have is the aggregate's to refuse (404, nothing stored).
        if (item.isPresent() && !Access.mayRecordProgress(caller, scope, item.get().details().lead())) {
            throw new NotAllowed(PROGRESS);
        }
        return planId;
    }

    private PlanScope readableScope(Caller caller, String planId) {
        PlanScope scope = views.scopeOf(planId).orElseThrow(() -> new PlanNotFound(planId));
        if (!Access.canRead(caller, scope)) throw new PlanNotFound(planId);
        return scope;
    }
}
