package vn.caitien.infra.demo;

/**
 * The demo could not be loaded; the message is Vietnamese, names the step that failed and carries
 * the service's problem detail, so `./caitien demo` can print it as is.
 */
public class DemoLoadException extends RuntimeException {
    public DemoLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
