package vn.caitien.monitoring.rebuild;

import vn.caitien.api.chain.ChainLink;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which records of the topic the bulk rebuild applies, and the ids of those it applied (they become
 * the processed_event marks), and each plan's last applied event (its chain head).
 *
 * <p>The live path applies each event id once, and only an event that extends its plan's chain
 * ({@link ChainLink}). plan-service publishes a plan's events in the order of their {@code sequence} (0, 1,
 * 2… on the plan's one partition), and a duplicate is the same event sent again — same id, same sequence.
 * So per plan a record whose sequence is not above the last applied one is a duplicate, and that is checked
 * rather than assumed: the id must be the one applied at that sequence. When it is not (another producer
 * reused a sequence), or a record does not extend the chain (a skipped sequence, another previous hash, no
 * sequence or hash), the live path would park it: the rebuild goes back to the per-event path, which does.
 * An id applied twice under different sequences is caught by processed_event's primary key when the marks
 * are written, with the same outcome.
 */
final class AppliedEvents {
    private final Map<String, PlanStream> streams = new HashMap<>();
    private final Map<Integer, String> otherIds = new HashMap<>();
    private long[] high;
    private long[] low;
    private int count;
    private int[] index;
    private int indexed;

    /** Per plan: the last applied sequence and its hash and, for each sequence, which applied id it was. */
    private static final class PlanStream {
        long last = -1;
        String lastHash;
        int[] idBySequence = new int[16];
    }

    AppliedEvents(int expected) {
        high = new long[Math.max(16, expected)];
        low = new long[high.length];
    }

    /**
     * Whether the record is to be applied (and then its id is remembered); false for a duplicate.
     *
     * @param sequence the plan's sequence, or a negative number when the record has none
     * @throws DuplicateCheckRefused when sequence and id disagree, or the record does not extend the chain
     */
    boolean admit(String plan, long sequence, String id, String previousHash, String hash) {
        return admit(plan, sequence, EventId.of(id), previousHash, hash);
    }

    /** As {@link #admit(String, long, String, String, String)}, with the id already read (on a decoding thread). */
    boolean admit(String plan, long sequence, EventId eventId, String previousHash, String hash) {
        String id = eventId.text();
        PlanStream stream = streams.computeIfAbsent(plan, p -> new PlanStream());
        if (sequence > stream.last || sequence < 0) {
            ChainLink.Verdict verdict = ChainLink.check(plan, stream.last < 0 ? null
                    : new ChainLink.Head(stream.last, stream.lastHash), sequence, previousHash, hash);
            if (!verdict.extendsChain()) throw new DuplicateCheckRefused(verdict.reason());
            int at = (int) sequence;
            if (at >= stream.idBySequence.length) {
                stream.idBySequence = Arrays.copyOf(stream.idBySequence, Math.max(at + 1, stream.idBySequence.length * 2));
            }
            stream.idBySequence[at] = add(eventId);
            stream.last = sequence;
            stream.lastHash = hash;
            return true;
        }
        int applied = stream.idBySequence[(int) sequence];
        if (same(applied, eventId)) return false;
        throw new DuplicateCheckRefused("Sự kiện " + id + " mang số thứ tự " + sequence + " của kế hoạch " + plan
                + ", số này đã thuộc sự kiện " + idAt(applied));
    }

    /** Each plan's last applied event: the chain heads the live path goes on from. */
    void forEachHead(java.util.function.BiConsumer<String, ChainLink.Head> action) {
        streams.forEach((plan, stream) -> {
            if (stream.last >= 0) action.accept(plan, new ChainLink.Head(stream.last, stream.lastHash));
        });
    }

    private int add(EventId id) {
        if (count == high.length) {
            high = Arrays.copyOf(high, count * 2);
            low = Arrays.copyOf(low, count * 2);
        }
        if (!id.uuid()) otherIds.put(count, id.text());
        else {
            high[count] = id.high();
            low[count] = id.low();
        }
        return count++;
    }

    private boolean same(int at, EventId id) {
        String other = otherIds.get(at);
        return id.uuid() ? other == null && high[at] == id.high() && low[at] == id.low() : id.text().equals(other);
    }

    /**
     * An event id as the dedup keeps it: a canonical UUID as two longs. Read on a decoding thread, so
     * the thread that folds in order only compares numbers.
     *
     * @param problem why the id cannot become a processed_event mark (varchar(255), no NUL), or null
     */
    record EventId(String text, long high, long low, boolean uuid, String problem) {
        static EventId of(String id) {
            if (CanonicalUuid.fits(id)) return new EventId(id, CanonicalUuid.high(id), CanonicalUuid.low(id), true, null);
            String problem = null;
            if (id.isEmpty() || id.codePointCount(0, id.length()) > 255) problem = "Mã sự kiện rỗng hoặc dài quá 255 ký tự";
            else if (!storable(id)) problem = "Mã sự kiện chứa ký tự NUL hoặc ký tự UTF-16 lẻ";
            return new EventId(id, 0, 0, false, problem);
        }
    }

    /**
     * Whether PostgreSQL stores the text as it is: it refuses NUL, and a lone surrogate would be replaced on
     * the way to UTF-8 — differently, perhaps, by COPY and by the live path's statement.
     */
    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) return false;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) i++;
            else if (Character.isSurrogate(c)) return false;
        }
        return true;
    }

    private String idAt(int index) {
        String other = otherIds.get(index);
        return other != null ? other : CanonicalUuid.format(high[index], low[index]);
    }

    int count() { return count; }

    /** The index at which this id was applied, or -1. */
    int indexOf(String id) {
        if (index == null || indexed != count) buildIndex();
        int mask = index.length - 1;
        boolean uuid = CanonicalUuid.fits(id);
        long high = uuid ? CanonicalUuid.high(id) : 0;
        long low = uuid ? CanonicalUuid.low(id) : 0;
        for (int slot = hash(uuid ? mix(high, low) : id.hashCode()) & mask; index[slot] >= 0; slot = (slot + 1) & mask) {
            int at = index[slot];
            String other = otherIds.get(at);
            if (uuid ? other == null && this.high[at] == high && this.low[at] == low : id.equals(other)) return at;
        }
        return -1;
    }

    /** An open-addressing table from id hash to applied index, built once reading is over. */
    private void buildIndex() {
        int capacity = Integer.highestOneBit(Math.max(16, count) * 2) * 2;
        index = new int[capacity];
        Arrays.fill(index, -1);
        for (int at = 0; at < count; at++) {
            String other = otherIds.get(at);
            int slot = hash(other == null ? mix(high[at], low[at]) : other.hashCode()) & (capacity - 1);
            while (index[slot] >= 0) slot = (slot + 1) & (capacity - 1);
            index[slot] = at;
        }
        indexed = count;
    }

    private static int mix(long high, long low) { return Long.hashCode(high * 0x9E3779B97F4A7C15L ^ low); }

    private static int hash(int h) { return h ^ (h >>> 16); }

    /** Every applied id, in the order applied. */
    void forEachId(Consumer<String> action) {
        for (int i = 0; i < count; i++) action.accept(idAt(i));
    }

    /** Applied ids and duplicate checks disagree: the per-event path decides instead. */
    static final class DuplicateCheckRefused extends RuntimeException {
        DuplicateCheckRefused(String message) {
            super(message, null, false, false);
        }
    }

    /** A UUID written as {@code UUID.toString()} writes it, kept as two longs and written back identically. */
    static final class CanonicalUuid {
        private static final char[] HEX = "0123456789abcdef".toCharArray();

        private CanonicalUuid() {
        }

        static boolean fits(String id) {
            if (id.length() != 36) return false;
            for (int i = 0; i < 36; i++) {
                char c = id.charAt(i);
                if (i == 8 || i == 13 || i == 18 || i == 23) {
                    if (c != '-') return false;
                } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
            }
            return true;
        }

        static long high(String id) { return bits(id, 0, 19); }

        static long low(String id) { return bits(id, 19, 36); }

        private static long bits(String id, int from, int to) {
            long value = 0;
            for (int i = from; i < to; i++) {
                char c = id.charAt(i);
                if (c == '-') continue;
                value = value << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
            }
            return value;
        }

        static String format(long high, long low) {
            char[] out = new char[36];
            int at = 0;
            for (int nibble = 15; nibble >= 0; nibble--) {
                if (at == 8 || at == 13) out[at++] = '-';
                out[at++] = HEX[(int) (high >>> (nibble * 4)) & 0xF];
            }
            for (int nibble = 15; nibble >= 0; nibble--) {
                if (at == 18 || at == 23) out[at++] = '-';
                out[at++] = HEX[(int) (low >>> (nibble * 4)) & 0xF];
            }
            return new String(out);
        }
    }
}
