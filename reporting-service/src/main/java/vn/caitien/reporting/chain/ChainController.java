package vn.caitien.reporting.chain;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.caitien.api.chain.ChainCheckpoint;
import vn.caitien.reporting.security.PlanGuard;

import java.util.List;

/**
 * reporting-service's own copy of a plan's chain and the checkpoints it kept: what plan-service's verify
 * compares its store with, to name truncation, a rewritten tail or a forged append.
 */
@RestController
@Tag(name = "Chuỗi băm", description = "Bản sao chuỗi sự kiện và các điểm kiểm có chữ ký mà dịch vụ báo cáo giữ")
public class ChainController {
    private final JdbcTemplate jdbc;
    private final Checkpoints checkpoints;
    private final PlanGuard guard;

    public ChainController(JdbcTemplate jdbc, Checkpoints checkpoints, PlanGuard guard) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.guard = guard;
    }

    /** One event of the copy; the hashes are null for events kept before hashes were kept. */
    public record Link(long sequence, String eventId, String hash, String previousHash) {
    }

    public record Chain(String planId, List<Link> events, List<ChainCheckpoint> checkpoints) {
    }

    @GetMapping("/api/plans/{planId}/chain")
    @Operation(summary = "Chuỗi sự kiện của kế hoạch (số thứ tự, mã sự kiện, mã băm) và các điểm kiểm có chữ ký; "
            + "cùng quyền xem như lịch sử")
    public Chain chain(@PathVariable String planId) {
        guard.readable(planId);
        List<Link> events = jdbc.query("""
                select sequence, event_id, hash, previous_hash from plan_event where plan_id = ? order by sequence""",
                (rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), planId);
        if (events.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "Chưa có chuỗi sự kiện cho kế hoạch mã " + planId + " (hoặc sự kiện của kế hoạch chưa đến)");
        }
        return new Chain(planId, events, checkpoints.of(planId));
    }
}
