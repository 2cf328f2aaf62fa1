package vn.caitien.planservice.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored hashes, with the hash of each plan's last event as this instance committed it remembered, so the
 * plan's next event is chained without reading the store. What is remembered is exact: it is recorded only
 * after the transaction that stored the event has committed, a committed event never changes, and its (plan,
 * sequence number) slot can hold no other event; it is used only for that very sequence number. Anything
 * else (another instance wrote the previous event, or it was forgotten) is read from the store.
 */
final class CommittedHashes implements HashChainInterceptor.StoredHashes {
    private record Last(long sequenceNumber, String hash) {
    }

    private final HashChainInterceptor.StoredHashes store;
    private final Map<String, Last> last;

    CommittedHashes(HashChainInterceptor.StoredHashes store, int plans) {
        this.store = store;
        this.last = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Last> eldest) {
                return size() > plans;
            }
        };
    }

    @Override
    public String hashOf(String aggregateIdentifier, long sequenceNumber) {
        Last known;
        synchronized (last) {
            known = last.get(aggregateIdentifier);
        }
        return known != null && known.sequenceNumber() == sequenceNumber ? known.hash()
                : store.hashOf(aggregateIdentifier, sequenceNumber);
    }

    @Override
    public void committed(String aggregateIdentifier, long sequenceNumber, String hash) {
        synchronized (last) {
            Last known = last.get(aggregateIdentifier);
            // Commits of one plan may be reported out of order (a later one first): keep the newest.
            if (known == null || known.sequenceNumber() < sequenceNumber) last.put(aggregateIdentifier, new Last(sequenceNumber, hash));
        }
    }
}
