package vn.caitien.infra.login;

/** Logging in did not give an access token; the message says why, in Vietnamese, for the person at the terminal. */
public final class LoginException extends RuntimeException {
    public LoginException(String message) {
        super(message);
    }

    public LoginException(String message, Throwable cause) {
        super(message, cause);
    }
}
