package vn.caitien.planservice.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Comparator;
import java.util.List;

/**
 * The answer of {@code GET /api/plans/{planId}/verify}. {@code intact} is true only when nothing points to
 * tampering and the store could be compared with reporting-service's copy; {@code verdict} and {@code message}
 * say which case it is, {@code findings} lists everything found. {@code firstBrokenSequence} and {@code problem}
 * are the first tampering finding's (null, and present, when there is none). {@code headHash} is the stored hash
 * of the plan's last event; {@code checkpoints} the genuine signed checkpoints compared; {@code readCopyHead} the
 * last event of reporting-service's copy (null when it could not be had).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChainReport(String planId, int events, boolean intact, Long firstBrokenSequence, String problem,
                          String headHash, Verdict verdict, String message, List<ChainFinding> findings,
                          int checkpoints, Long readCopyHead) {

    public enum Verdict {
        /** Every event sealed, matching the checkpoints and reporting-service's copy. */
        NGUYEN_VEN,
        /** As NGUYEN_VEN, but some events were stored before sealing existed. */
        NGUYEN_VEN_CO_SU_KIEN_CHUA_NIEM_PHONG,
        /** Nothing wrong in the store, but reporting-service's copy could not be compared: not proven intact. */
        CHUA_DOI_CHIEU_DUOC,
        /** Evidence of tampering. */
        SAI_LECH
    }

    static ChainReport of(String planId, int events, String headHash, List<ChainFinding> findings, int checkpoints,
                          Long readCopyHead) {
        List<ChainFinding> tampering = findings.stream().filter(ChainFinding::tampering)
                .sorted(Comparator.comparing(ChainFinding::sequence, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        ChainFinding first = tampering.isEmpty() ? null : tampering.get(0);
        ChainFinding unsealed = findings.stream().filter(f -> f.kind() == ChainFinding.Kind.UNSEALED_EVENTS).findFirst()
                .orElse(null);
        Verdict verdict;
        String message;
        if (first != null) {
            verdict = Verdict.SAI_LECH;
            message = "PHÁT HIỆN SAI LỆCH (" + tampering.size() + " dấu hiệu): " + first.label().toLowerCase()
                    + " — " + first.message();
        } else if (readCopyHead == null) {
            verdict = Verdict.CHUA_DOI_CHIEU_DUOC;
            message = "Chưa khẳng định được là nguyên vẹn: chuỗi băm và niêm phong của " + events + " sự kiện trong kho"
                    + " không có dấu hiệu bị sửa, khớp " + checkpoints + " điểm kiểm đã ký, nhưng không đối chiếu được với "
                    + "bản sao của dịch vụ báo cáo";
        } else {
            verdict = unsealed == null ? Verdict.NGUYEN_VEN : Verdict.NGUYEN_VEN_CO_SU_KIEN_CHUA_NIEM_PHONG;
            message = "Nguyên vẹn: " + events + " sự kiện" + (unsealed == null ? " đều có niêm phong hợp lệ" : "")
                    + ", khớp " + checkpoints + " điểm kiểm đã ký và bản sao của dịch vụ báo cáo (đến sự kiện số "
                    + readCopyHead + ")" + (unsealed == null ? "" : "; lưu ý: " + unsealed.message());
        }
        boolean intact = verdict == Verdict.NGUYEN_VEN || verdict == Verdict.NGUYEN_VEN_CO_SU_KIEN_CHUA_NIEM_PHONG;
        return new ChainReport(planId, events, intact, first == null ? null : first.sequence(),
                first == null ? null : first.message(), headHash, verdict, message, List.copyOf(findings), checkpoints,
                readCopyHead);
    }
}
