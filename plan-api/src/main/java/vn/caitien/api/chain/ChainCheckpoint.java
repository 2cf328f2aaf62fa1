package vn.caitien.api.chain;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A plan's head as plan-service saw it: the event at {@code sequence} had chain hash {@code hash}.
 * Signed with plan-service's Ed25519 key ({@code keyId} names it). The wire form is this record as JSON
 * on {@link #TOPIC}, keyed by plan id; see docs/events.md.
 *
 * @param reason why it was taken: {@link #PERIODIC} or {@link #REPORT_SUBMITTED}
 */
public record ChainCheckpoint(String planId, long sequence, String hash, Instant createdAt, String reason,
                              String keyId, String signature) {
    public static final String TOPIC = "caitien.plan.checkpoints";
    public static final String PERIODIC = "PERIODIC";
    public static final String REPORT_SUBMITTED = "REPORT_SUBMITTED";
    static final String VERSION = "caitien.plan-checkpoint.v1";
    private static final String ALGORITHM = "Ed25519";

    public ChainCheckpoint {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** The exact text the signature covers. */
    public String signingText() {
        return String.join("\n", VERSION, planId, Long.toString(sequence), hash, createdAt.toString(), reason,
                keyId == null ? "" : keyId);
    }

    /** This checkpoint signed with {@code key}, named {@code keyId}. */
    public ChainCheckpoint signedWith(PrivateKey key, String keyId) {
        ChainCheckpoint unsigned = new ChainCheckpoint(planId, sequence, hash, createdAt, reason, keyId, null);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(unsigned.signingText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new ChainCheckpoint(planId, sequence, hash, createdAt, reason, keyId,
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Không ký được điểm kiểm của kế hoạch " + planId, e);
        }
    }

    /** Whether the signature is {@code key}'s over this checkpoint; false for a missing or malformed one. */
    public boolean isSignedBy(PublicKey key) {
        if (signature == null) return false;
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signingText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
