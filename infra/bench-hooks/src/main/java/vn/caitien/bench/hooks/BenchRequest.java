package vn.caitien.bench.hooks;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.plan.PlanId;
import vn.caitien.planservice.web.progress.ProgressRequest;

import java.util.List;

/**
 * Body of POST /api/admin/bench/record-progress: {@code commands} RecordProgress from {@code clients} threads
 * (16 unless given) on these targets, with bodies exactly as POST /api/plans/{id}/items/{itemId}/progress takes
 * them. A body must suit its item (indicator names, evidence codes of the plan's framework), so a target may
 * carry its own {@code bodies}, used in turn. Otherwise the j-th command on target i uses the shared
 * {@code bodies[(i + j × targets) mod bodies]}: one body for all, one per target in the same order, or several
 * rounds of one per target.
 */
public record BenchRequest(
        @Min(value = 1, message = "Cần ít nhất 1 luồng gửi") @Max(value = 64, message = "Tối đa 64 luồng gửi") Integer clients,
        @NotNull(message = "Cần số lệnh") @Min(value = 1, message = "Cần ít nhất 1 lệnh")
        @Max(value = 1_000_000, message = "Tối đa 1.000.000 lệnh") Integer commands,
        @NotEmpty(message = "Cần ít nhất một nội dung để ghi tiến độ") List<@NotNull @Valid Target> targets,
        List<@NotNull @Valid ProgressRequest> bodies) {

    static final int DEFAULT_CLIENTS = 16;

    /** An item of a plan, optionally with its own bodies; the school is the plan's own unless given. */
    public record Target(@NotNull(message = "Cần mã kế hoạch") PlanId planId,
                         @NotNull(message = "Cần mã nội dung cải tiến") ActionItemId itemId,
                         @JsonProperty("school_code") @JsonAlias("schoolCode") String schoolCode,
                         List<@NotNull @Valid ProgressRequest> bodies) {
        boolean hasBodies() {
            return bodies != null && !bodies.isEmpty();
        }
    }

    @AssertTrue(message = "Cần nội dung ghi nhận tiến độ: bodies chung, hoặc bodies riêng cho từng nội dung")
    @JsonIgnore
    public boolean isEveryTargetGivenABody() {
        return bodies != null && !bodies.isEmpty() || targets == null || targets.stream().allMatch(t -> t == null || t.hasBodies());
    }

    int clientCount() {
        return clients == null ? DEFAULT_CLIENTS : clients;
    }

    ProgressRequest body(int target, long round) {
        Target t = targets.get(target);
        if (t.hasBodies()) return t.bodies().get((int) (round % t.bodies().size()));
        return bodies.get((int) ((target + round * targets.size()) % bodies.size()));
    }
}
