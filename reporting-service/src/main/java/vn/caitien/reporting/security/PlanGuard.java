package vn.caitien.reporting.security;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import vn.caitien.access.Access;
import vn.caitien.access.Caller;
import vn.caitien.access.PlanScope;

import java.util.Arrays;
import java.util.List;

/**
 * Every read of a plan or a unit asks here first, and only {@link Access} decides. A plan the caller
 * may not read answers exactly like a plan that does not exist, so its existence is never revealed;
 * a readable plan the caller may not audit, or a unit outside the caller's scope, is 403.
 */
@Component
public class PlanGuard {
    static final String NOT_AUDITOR = "Chỉ kiểm định viên trong phạm vi được giao, hiệu trưởng của trường hoặc "
            + "quản trị viên được xem trạng thái kế hoạch tại một thời điểm và so sánh giữa hai thời điểm";
    static final String NOT_OVERSEER = "Chỉ chuyên viên cơ quan quản lý giáo dục hoặc kiểm định viên được giao đơn vị, "
            + "hoặc quản trị viên, được xem tình hình nộp báo cáo của các trường thuộc đơn vị ";

    private final PlanScopes scopes;

    public PlanGuard(PlanScopes scopes) {
        this.scopes = scopes;
    }

    /** The caller and the plan's scope, once the caller has been let through. */
    public record Granted(Caller caller, PlanScope scope) {
        /** Auditors in scope, the school's principal and administrators also see who acted by account id. */
        public boolean audits() {
            return Access.canAudit(caller, scope);
        }
    }

    /** History and reports: {@link Access#canRead} (or canAudit: whoever may audit a plan may read it). */
    public Granted readable(String planId) {
        Caller caller = Callers.current();
        PlanScope scope = scopes.find(planId).orElseThrow(() -> noSuchPlan(planId));
        if (!Access.canRead(caller, scope) && !Access.canAudit(caller, scope)) throw noSuchPlan(planId);
        return new Granted(caller, scope);
    }

    /** State as of an instant and diffs: {@link Access#canAudit}; readable but not auditable is 403. */
    public Granted auditable(String planId) {
        Caller caller = Callers.current();
        PlanScope scope = scopes.find(planId).orElseThrow(() -> noSuchPlan(planId));
        if (Access.canAudit(caller, scope)) return new Granted(caller, scope);
        if (Access.canRead(caller, scope)) throw new ResponseStatusException(HttpStatus.FORBIDDEN, NOT_AUDITOR);
        throw noSuchPlan(planId);
    }

    /**
     * Office views of a unit ("Thành phố Hồ Chí Minh/Quận 10"; blank = the caller's own unit):
     * {@link Access#canOversee}, else 403. Returns the unit's path.
     */
    public Oversight overseeable(String unit) {
        Caller caller = Callers.current();
        List<String> path = unit == null || unit.isBlank()
                ? (caller.unit() == null ? List.of() : caller.unit())
                : Arrays.stream(unit.split("/")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (!Access.canOversee(caller, path)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, NOT_OVERSEER
                    + (path.isEmpty() ? "(toàn quốc)" : String.join("/", path)));
        }
        return new Oversight(caller, path);
    }

    /** A unit the caller oversees; {@link #shows} keeps a listing to the plans the caller may read. */
    public record Oversight(Caller caller, List<String> path) {
        public boolean shows(PlanScope plan) {
            return Access.canRead(caller, plan);
        }
    }

    /** The one answer for "no such plan" and "not yours": same status, same body. */
    static ResponseStatusException noSuchPlan(String planId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Chưa có kế hoạch mã " + planId + " (hoặc sự kiện của kế hoạch chưa đến)");
    }
}
