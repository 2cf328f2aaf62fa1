package vn.caitien.monitoring.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Tiến độ", description = "Tiến độ thực hiện kế hoạch cải tiến, dựng từ dòng sự kiện")
public class ProgressController {
    private final PlanProgressQueries queries;

    public ProgressController(PlanProgressQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/plans/{planId}/progress")
    @Operation(summary = "Tiến độ từng nội dung, số lượng theo trạng thái, tỉ lệ hoàn thành, quá hạn, báo cáo")
    public PlanProgress progress(@PathVariable String planId) {
        return queries.find(planId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "Chưa có kế hoạch mã " + planId + " (hoặc sự kiện của kế hoạch chưa đến)"));
    }
}
