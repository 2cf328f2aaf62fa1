package vn.caitien.planservice.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import java.io.IOException;

/** A request body that fails with {@link BodyTooLarge} as soon as more than {@code limit} bytes were read. */
final class LimitedInputStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    LimitedInputStream(ServletInputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Never ask for more than one byte past the limit: that byte is enough to know the body is too large.
        int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
        if (n > 0) count(n);
        return n;
    }

    private void count(int n) throws BodyTooLarge {
        read += n;
        if (read > limit) throw new BodyTooLarge(limit);
    }

    @Override
    public boolean isFinished() { return in.isFinished(); }

    @Override
    public boolean isReady() { return in.isReady(); }

    @Override
    public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
}
