package vn.caitien.monitoring.progress;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the fold keeps each item's content (the details JSON, by far its largest part) until the rows
 * are written: in memory for small folds, in a file for a whole topic, so the heap holds only a
 * reference per item.
 */
public interface DetailsStore extends AutoCloseable {

    /** Keeps the bytes and answers a reference to read them back with. */
    long put(byte[] content);

    byte[] get(long reference);

    /** Bytes kept so far, superseded versions included. */
    long size();

    @Override
    default void close() {
    }

    static DetailsStore inMemory() {
        return new DetailsStore() {
            private final List<byte[]> contents = new ArrayList<>();
            private long size;

            @Override
            public long put(byte[] content) {
                contents.add(content);
                size += content.length;
                return contents.size() - 1;
            }

            @Override
            public byte[] get(long reference) { return contents.get((int) reference); }

            @Override
            public long size() { return size; }
        };
    }
}
