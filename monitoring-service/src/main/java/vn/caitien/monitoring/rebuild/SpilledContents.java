package vn.caitien.monitoring.rebuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Items' content (the details JSON) in a temporary file for the length of one rebuild: a school year's
 * items would take a fifth of a 256 MB service's heap as bytes, their references take a long each. The
 * file is append-only and read back once, item by item, when the rows are written; it is deleted on close.
 */
final class SpilledContents implements AutoCloseable {
    private static final int LENGTH_BITS = 24;
    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer pending = ByteBuffer.allocate(1 << 20);
    private long written;

    SpilledContents() {
        try {
            file = Files.createTempFile("caitien-rebuild-", ".details");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được tệp tạm cho nội dung các dòng kế hoạch", e);
        }
    }

    /** Keeps the bytes and answers a reference to read them back with. */
    long put(byte[] content) {
        if (content.length >= 1 << LENGTH_BITS) {
            throw new IllegalArgumentException("Nội dung một dòng dài quá " + (1 << LENGTH_BITS) + " byte");
        }
        long reference = written << LENGTH_BITS | content.length;
        try {
            if (content.length > pending.remaining()) flush();
            if (content.length > pending.capacity()) write(ByteBuffer.wrap(content));
            else pending.put(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Không ghi được tệp tạm " + file, e);
        }
        written += content.length;
        return reference;
    }

    byte[] get(long reference) {
        int length = (int) (reference & ((1 << LENGTH_BITS) - 1));
        long position = reference >>> LENGTH_BITS;
        byte[] content = new byte[length];
        try {
            flush();
            ByteBuffer target = ByteBuffer.wrap(content);
            while (target.hasRemaining()) {
                if (channel.read(target, position + target.position()) < 0) throw new IOException("Hết tệp tạm sớm");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được tệp tạm " + file, e);
        }
        return content;
    }

    /** Bytes kept so far, superseded versions included. */
    long size() { return written; }

    private void flush() throws IOException {
        if (pending.position() == 0) return;
        pending.flip();
        write(pending);
        pending.clear();
    }

    private void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) channel.write(bytes, channel.size());
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Không xoá được tệp tạm " + file, e);
        }
    }
}
