package vn.caitien.reporting.render;

import java.time.Duration;

/** No document now: every renderer is busy, or this one took longer than allowed. Try again after a while. */
public class RenderUnavailable extends RuntimeException {
    private final Duration retryAfter;

    RenderUnavailable(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() { return retryAfter; }
}
