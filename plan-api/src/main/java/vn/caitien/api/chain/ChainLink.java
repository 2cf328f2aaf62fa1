package vn.caitien.api.chain;

import java.util.Objects;

/**
 * The rule every read service applies to each event it consumes: the event must extend its plan's chain.
 * Its {@code sequence} is the last applied sequence of that plan plus one (0 for a plan's first event) and
 * its {@code previousHash} is the {@code hash} of that last applied event ({@link #GENESIS} before the
 * first). Anything else — a sequence already taken, a skipped one, another previous hash, no hash — is
 * not applied: a forged event can neither replace a genuine one nor slip in between two.
 */
public final class ChainLink {
    /** The previous hash of a plan's first event (sequence 0). */
    public static final String GENESIS = "0".repeat(64);
    /** Metadata keys of an event's chain hash and of its plan's previous event's (CloudEvents {@code hash}, {@code previoushash}). */
    public static final String HASH_KEY = "hash";
    public static final String PREVIOUS_HASH_KEY = "previousHash";

    private ChainLink() {
    }

    /** The last applied event of a plan: its sequence and its hash. */
    public record Head(long sequence, String hash) {
        public Head {
            Objects.requireNonNull(hash, "hash");
        }
    }

    /** Why an event is refused, or that it extends the chain. */
    public enum Kind {
        EXTENDS,
        /** The Kafka record has no topic seal, or a wrong one: not published by plan-service. */
        NOT_SEALED,
        /** No sequence, hash or previous hash: it cannot be placed in a chain. */
        UNLINKED,
        /** A sequence the plan already has: it would replace or shadow an applied event. */
        TAKEN_SEQUENCE,
        /** A sequence beyond the next one: an event in between is missing (waits for it). */
        SKIPPED_SEQUENCE,
        /** The next sequence, but its previous hash is not the hash of the plan's last event. */
        WRONG_PREVIOUS_HASH
    }

    /** A verdict with the reason people read (Vietnamese). */
    public record Verdict(Kind kind, String reason) {
        public boolean extendsChain() { return kind == Kind.EXTENDS; }

        static Verdict extending() { return new Verdict(Kind.EXTENDS, null); }
    }

    /**
     * Whether the event at {@code sequence} with these hashes extends the plan's chain whose last applied
     * event is {@code last} (null: none applied yet).
     */
    public static Verdict check(String planId, Head last, long sequence, String previousHash, String hash) {
        String event = "Sự kiện số " + sequence + " của kế hoạch " + planId;
        if (sequence < 0 || blank(hash) || blank(previousHash)) {
            return new Verdict(Kind.UNLINKED, event + " không có số thứ tự hoặc mã băm nên không nối được vào chuỗi");
        }
        long expected = last == null ? 0 : last.sequence() + 1;
        if (sequence < expected) {
            return new Verdict(Kind.TAKEN_SEQUENCE, event + " trùng số thứ tự với một sự kiện đã áp dụng (sự kiện cuối là số "
                    + last.sequence() + "); không thay thế sự kiện đã có");
        }
        if (sequence > expected) {
            return new Verdict(Kind.SKIPPED_SEQUENCE, event + " đến khi còn thiếu sự kiện số " + expected
                    + "; chờ sự kiện còn thiếu");
        }
        String expectedPrevious = last == null ? GENESIS : last.hash();
        if (!expectedPrevious.equals(previousHash)) {
            return new Verdict(Kind.WRONG_PREVIOUS_HASH, event + " có mã băm trước (" + previousHash
                    + ") khác mã băm của sự kiện đã áp dụng trước nó (" + expectedPrevious + ")");
        }
        return Verdict.extending();
    }

    /** The verdict for a record whose topic seal is missing or wrong. */
    public static Verdict notSealed(String planId, long sequence, String seal) {
        return new Verdict(Kind.NOT_SEALED, "Sự kiện số " + sequence + " của kế hoạch " + planId
                + (TopicSeal.MISSING.equals(seal) ? " không có dấu niêm phong của plan-service"
                : " có dấu niêm phong sai") + ": không phải do plan-service phát hành");
    }

    /**
     * A hash for events not made by plan-service (tests, synthetic loads): SHA-256 over the previous hash and
     * the event id. It links like plan-service's hash, which the read services do not recompute.
     */
    public static String standInHash(String previousHash, String eventId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((previousHash + "\n" + eventId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static boolean blank(String text) { return text == null || text.isBlank(); }
}
