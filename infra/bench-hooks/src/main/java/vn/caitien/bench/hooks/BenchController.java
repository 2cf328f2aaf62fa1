package vn.caitien.bench.hooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's in-process command load (row 2b of docs/benchmarks.md). It exists only when this module's jar is
 * on plan-service's class path (the benchmark adds it) and the service runs with the Spring profile {@code bench};
 * like everything under /api/admin it is for administrators.
 */
@RestController
@RequestMapping(path = "/api/admin/bench", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Đo hiệu năng", description = "Chỉ có khi chạy với hồ sơ bench; dành cho quản trị hệ thống")
public class BenchController {
    private final InProcessProgressLoad load;

    BenchController(InProcessProgressLoad load) {
        this.load = load;
    }

    @PostMapping("/record-progress")
    @Operation(summary = "Gửi lệnh ghi nhận tiến độ qua command gateway ngay trong tiến trình, từ nhiều luồng, "
            + "và trả về số lệnh mỗi giây cùng độ trễ p50/p99")
    public BenchResult recordProgress(@Valid @RequestBody BenchRequest request) throws InterruptedException {
        return load.run(request);
    }
}
