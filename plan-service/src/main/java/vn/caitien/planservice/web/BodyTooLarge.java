package vn.caitien.planservice.web;

import java.io.IOException;
import java.util.Optional;

/**
 * Reading the request body went past its limit. An IOException, so every reader (Jackson, the
 * idempotency hash) stops at once and passes it on; converters wrap it, so it is looked for among causes.
 */
public final class BodyTooLarge extends IOException {
    private final long limit;

    BodyTooLarge(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() { return limit; }

    /** This exception among {@code e} and its causes, if there. */
    public static Optional<BodyTooLarge> in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge found) return Optional.of(found);
            if (t.getCause() == t) break;
        }
        return Optional.empty();
    }
}
