package vn.caitien.planservice.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing verification found about a plan's history. {@code sequence} is the first event it concerns (null
 * when it concerns no single event); {@code tampering} says whether it is evidence that the history was changed
 * by someone without plan-service's keys, or only a limit of what could be checked.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChainFinding(Kind kind, String label, Long sequence, String message, boolean tampering) {

    public enum Kind {
        CHAIN_BROKEN("Chuỗi băm bị đứt", true),
        TRUNCATION("Bị xóa các sự kiện cuối", true),
        TAIL_REWRITE("Bị viết lại", true),
        FORGED_APPEND("Sự kiện thêm giả", true),
        SEAL_INVALID("Niêm phong không hợp lệ", true),
        CHECKPOINT_INVALID("Điểm kiểm không hợp lệ", true),
        SNAPSHOT_MISMATCH("Ảnh chụp trạng thái không khớp", true),
        UNSEALED_EVENTS("Sự kiện chưa niêm phong", false),
        UNSEALED_SNAPSHOT("Ảnh chụp chưa niêm phong", false),
        READ_COPY_UNAVAILABLE("Không đối chiếu được với bản sao", false);

        final String label;
        final boolean tampering;

        Kind(String label, boolean tampering) {
            this.label = label;
            this.tampering = tampering;
        }
    }

    static ChainFinding of(Kind kind, Long sequence, String message) {
        return new ChainFinding(kind, kind.label, sequence, message, kind.tampering);
    }
}
