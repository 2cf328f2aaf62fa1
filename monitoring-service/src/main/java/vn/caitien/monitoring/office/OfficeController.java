package vn.caitien.monitoring.office;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.caitien.access.Access;
import vn.caitien.access.Caller;
import vn.caitien.access.PlanScope;
import vn.caitien.monitoring.progress.PlanFilter;
import vn.caitien.monitoring.progress.PlanProgressService;
import vn.caitien.monitoring.progress.PlanSummary;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Office views (roll-ups by administrative unit, filter values) for officers, auditors and
 * administrators within their unit; a school page for whoever may read the school's plans.
 */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Phòng/Sở giáo dục", description = "Tổng hợp theo đơn vị quản lý và theo trường")
public class OfficeController {
    static final String OFFICES_ONLY = "Trang tổng hợp theo đơn vị dành cho chuyên viên phòng/sở, kiểm định viên "
            + "và quản trị hệ thống; cán bộ, giáo viên của trường xem trang của trường mình.";
    private final UnitRollups rollups;
    private final PlanProgressService progress;

    public OfficeController(UnitRollups rollups, PlanProgressService progress) {
        this.rollups = rollups;
        this.progress = progress;
    }

    @GetMapping("/api/units")
    @Operation(summary = "Tổng hợp của một đơn vị (tỉnh, xã/phường hoặc quận cũ): trường, tỉ lệ hoàn thành, quá hạn, kinh phí, báo cáo",
            description = "Chỉ trong phạm vi đơn vị được giao (403 ngoài phạm vi); bỏ trống = đơn vị của người dùng.")
    public UnitRollup unit(
            @Parameter(description = "Đường dẫn đơn vị, vd. Thành phố Hồ Chí Minh/Quận 10; bỏ trống = đơn vị của người dùng")
            @RequestParam(required = false) String path,
            @RequestParam(required = false) String schoolType, @RequestParam(required = false) String frameworkId,
            @RequestParam(required = false) String schoolYear, Caller caller) {
        List<String> unit = overseen(caller, path);
        return rollups.rollup(new PlanFilter(unit, blank(schoolType), blank(frameworkId), blank(schoolYear), null),
                readable(caller));
    }

    @GetMapping("/api/school")
    @Operation(summary = "Một trường: các kế hoạch qua các năm học",
            description = "Người của trường chỉ xem trường mình; phòng/sở các trường thuộc đơn vị. Ngoài phạm vi: 404.")
    public Map<String, Object> school(
            @Parameter(description = "Mã trường, hoặc đường dẫn đơn vị/tên trường khi trường không có mã")
            @RequestParam("key") String schoolKey, Caller caller) {
        List<PlanSummary> plans = progress.summaries(new PlanFilter(List.of(), null, null, null, schoolKey), readable(caller))
                .stream().sorted(Comparator.comparing(PlanSummary::schoolYear).reversed()).toList();
        if (plans.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có trường mã " + schoolKey);
        }
        PlanSummary latest = plans.get(0);
        String code = plans.stream().map(PlanSummary::schoolCode).filter(c -> c != null).findFirst().orElse(null);
        Map<String, Object> school = new LinkedHashMap<>();
        school.put("schoolKey", schoolKey);
        if (code != null) school.put("schoolCode", code);
        school.put("schoolName", latest.schoolName());
        school.put("schoolType", latest.schoolType() == null ? "" : latest.schoolType());
        school.put("managingUnit", latest.managingUnit());
        school.put("plans", plans);
        return school;
    }

    @GetMapping("/api/filters")
    @Operation(summary = "Các giá trị lọc hiện có trong đơn vị: năm học, bộ tiêu chuẩn, loại hình trường")
    public Map<String, List<String>> filters(
            @Parameter(description = "Đường dẫn đơn vị; bỏ trống = đơn vị của người dùng")
            @RequestParam(required = false) String unit, Caller caller) {
        return progress.filterValues(overseen(caller, unit), readable(caller));
    }

    /** The unit asked for (or the caller's own), if the caller may oversee it; 403 otherwise. */
    static List<String> overseen(Caller caller, String requested) {
        List<String> unit = requested == null || requested.isBlank()
                ? (caller.unit() == null ? List.of() : caller.unit()) : PlanFilter.path(requested);
        if (Access.canOversee(caller, unit)) return unit;
        boolean office = caller.unit() != null && Access.canOversee(caller, caller.unit());
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, !office ? OFFICES_ONLY
                : "Đơn vị " + name(unit) + " nằm ngoài phạm vi được giao cho tài khoản của bạn (" + name(caller.unit()) + ").");
    }

    private static Predicate<PlanScope> readable(Caller caller) {
        return scope -> Access.canRead(caller, scope);
    }

    private static String name(List<String> unit) {
        return unit.isEmpty() ? "toàn quốc" : String.join("/", unit);
    }

    private static String blank(String value) { return value == null || value.isBlank() ? null : value.strip(); }
}
