package vn.caitien.monitoring.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Quản trị", description = "Dựng lại dữ liệu theo dõi từ dòng sự kiện; chỉ quản trị hệ thống")
public class AdminController {
    private final ProjectionRebuild rebuild;

    public AdminController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/admin/rebuild")
    @Operation(summary = "Xoá và dựng lại dữ liệu theo dõi bằng cách phát lại chủ đề sự kiện từ đầu")
    public ResponseEntity<RebuildStatus> start() throws Exception {
        return ResponseEntity.accepted().body(rebuild.start());
    }

    @GetMapping("/api/admin/rebuild")
    @Operation(summary = "Tiến độ dựng lại: số sự kiện đã phát lại / tổng, tốc độ")
    public RebuildStatus status() { return rebuild.status(); }
}
