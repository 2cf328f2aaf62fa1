package vn.caitien.readside.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Sự kiện lỗi", description = "Sự kiện không áp dụng được vào dữ liệu, chờ xử lý lại; chỉ quản trị hệ thống")
public class DeadLetterController {
    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/admin/dead-letters")
    @Operation(summary = "Các sự kiện lỗi đang chờ: kế hoạch, loại sự kiện, số thứ tự, nguyên nhân, thời điểm, số lần thử lại")
    public List<DeadLetters.Entry> list() { return deadLetters.list(); }

    @PostMapping("/api/admin/dead-letters/retry")
    @Operation(summary = "Xử lý lại mọi sự kiện lỗi (sau khi đã khắc phục nguyên nhân): bao nhiêu thành công, bao nhiêu vẫn lỗi")
    public DeadLetters.RetryResult retry() { return deadLetters.retryAll(); }
}
