package vn.caitien.monitoring.office;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.caitien.monitoring.progress.PlanFilter;
import vn.caitien.monitoring.progress.PlanProgressService;
import vn.caitien.monitoring.progress.PlanSummary;
import vn.caitien.monitoring.progress.ProgressReadModel;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Phòng/Sở giáo dục", description = "Tổng hợp theo đơn vị quản lý và theo trường")
public class OfficeController {
    private final UnitRollups rollups;
    private final PlanProgressService progress;
    private final ProgressReadModel readModel;

    public OfficeController(UnitRollups rollups, PlanProgressService progress, ProgressReadModel readModel) {
        this.rollups = rollups;
        this.progress = progress;
        this.readModel = readModel;
    }

    @GetMapping("/api/units")
    @Operation(summary = "Tổng hợp của một đơn vị (tỉnh, xã/phường hoặc quận cũ): trường, tỉ lệ hoàn thành, quá hạn, kinh phí, báo cáo")
    public UnitRollup unit(
            @Parameter(description = "Đường dẫn đơn vị, vd. Thành phố Hồ Chí Minh/Quận 10; bỏ trống = toàn quốc")
            @RequestParam(required = false) String path,
            @RequestParam(required = false) String schoolType, @RequestParam(required = false) String frameworkId,
            @RequestParam(required = false) String schoolYear) {
        return rollups.rollup(new PlanFilter(PlanFilter.path(path), blank(schoolType), blank(frameworkId),
                blank(schoolYear), null));
    }

    @GetMapping("/api/school")
    @Operation(summary = "Một trường: các kế hoạch qua các năm học")
    public Map<String, Object> school(
            @Parameter(description = "Mã trường, hoặc đường dẫn đơn vị/tên trường khi trường không có mã")
            @RequestParam("key") String schoolKey) {
        List<PlanSummary> plans = progress.summaries(new PlanFilter(List.of(), null, null, null, schoolKey)).stream()
                .sorted(Comparator.comparing(PlanSummary::schoolYear).reversed()).toList();
        if (plans.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có trường mã " + schoolKey);
        }
        PlanSummary latest = plans.get(0);
        return Map.of("schoolKey", schoolKey, "schoolName", latest.schoolName(),
                "schoolType", latest.schoolType() == null ? "" : latest.schoolType(),
                "managingUnit", latest.managingUnit(), "plans", plans);
    }

    @GetMapping("/api/filters")
    @Operation(summary = "Các giá trị lọc hiện có: năm học, bộ tiêu chuẩn, loại hình trường")
    public Map<String, List<String>> filters() { return readModel.filterValues(); }

    private static String blank(String value) { return value == null || value.isBlank() ? null : value.strip(); }
}
