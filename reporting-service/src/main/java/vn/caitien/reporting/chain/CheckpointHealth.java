package vn.caitien.reporting.chain;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Checkpoint records refused so far: the count, and a warning for people while there are any. */
@Component("chainCheckpoints")
public class CheckpointHealth implements HealthIndicator {
    private final Checkpoints checkpoints;

    public CheckpointHealth(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public Health health() {
        long refused = checkpoints.refusedCount();
        Health.Builder health = Health.up().withDetail("refusedCheckpoints", refused);
        if (refused > 0) {
            health.withDetail("refusedMessage", "CẢNH BÁO: " + refused + " điểm kiểm bị từ chối (không có dấu niêm phong "
                    + "của plan-service, không đọc được hoặc chữ ký sai); không điểm kiểm nào trong số đó được dùng");
        }
        return health.build();
    }
}
