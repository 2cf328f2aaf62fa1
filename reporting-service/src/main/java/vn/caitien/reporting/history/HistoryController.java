package vn.caitien.reporting.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.caitien.api.wire.WireJson;
import vn.caitien.reporting.security.PlanGuard;

import java.util.List;

@RestController
@Tag(name = "Lịch sử", description = "Toàn bộ sự kiện của một kế hoạch theo thứ tự, ai làm và khi nào")
public class HistoryController {
    private final JdbcTemplate jdbc;
    private final PlanGuard guard;

    public HistoryController(JdbcTemplate jdbc, PlanGuard guard) {
        this.jdbc = jdbc;
        this.guard = guard;
    }

    @GetMapping("/api/plans/{planId}/history")
    @Operation(summary = "Lịch sử sự kiện của kế hoạch (trường, cơ quan quản lý và kiểm định viên trong phạm vi; "
            + "mã tài khoản người thực hiện chỉ hiện với người được kiểm tra kế hoạch)")
    public List<HistoryEntry> history(@PathVariable String planId) {
        boolean showAccounts = guard.readable(planId).audits();
        List<HistoryEntry> entries = jdbc.query("""
                select sequence, type, event_id, effective_date, recorded_at, actor, actor_id, correlation_id,
                       description, payload::text
                from plan_event where plan_id = ? order by sequence""", (rs, n) -> {
            try {
                return new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getTimestamp(5).toInstant(),
                        rs.getString(6), showAccounts ? rs.getString(7) : null, rs.getString(8), rs.getString(9),
                        WireJson.mapper().readTree(rs.getString(10)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable stored event", e);
            }
        }, planId);
        if (entries.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "Chưa có lịch sử cho kế hoạch mã " + planId + " (hoặc sự kiện của kế hoạch chưa đến)");
        }
        return entries;
    }
}
