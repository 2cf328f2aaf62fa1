package vn.caitien.planservice.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/plans/{planId}/verify}. {@code firstBrokenSequence} and {@code problem}
 * are null (and present) when the chain is intact; {@code headHash} is the stored hash of the plan's last
 * event, the value to compare with a copy kept elsewhere.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChainReport(String planId, int events, boolean intact, Long firstBrokenSequence, String problem,
                          String headHash) {

    static ChainReport intact(String planId, int events, String headHash) {
        return new ChainReport(planId, events, true, null, null, headHash);
    }

    static ChainReport broken(String planId, int events, long sequence, String problem, String headHash) {
        return new ChainReport(planId, events, false, sequence, problem, headHash);
    }
}
