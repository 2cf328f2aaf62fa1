package vn.caitien.reporting.render;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered documents of submitted report revisions, bounded by their total size: the least recently read
 * leave first. A submitted revision never changes (a correction is a new revision, so a new key), hence
 * nothing is ever invalidated, only evicted.
 */
final class RenderedReports {

    /** One submitted revision in one format. */
    record Key(String planId, String period, int revision, DocumentFormat format) {
    }

    /** A rendered document and the name it is downloaded under. */
    record Document(byte[] body, String filename) {
    }

    private final long maxBytes;
    private final Map<Key, Document> documents = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    RenderedReports(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized Document get(Key key) {
        return documents.get(key);
    }

    /** Keeps the document unless it alone is larger than the whole cache; evicts the least recently read. */
    synchronized void put(Key key, Document document) {
        if (document.body().length > maxBytes) return;
        Document previous = documents.put(key, document);
        bytes += document.body().length - (previous == null ? 0 : previous.body().length);
        Iterator<Document> eldest = documents.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().body().length;
            eldest.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return documents.size();
    }
}
