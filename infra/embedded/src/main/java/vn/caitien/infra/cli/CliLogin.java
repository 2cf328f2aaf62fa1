package vn.caitien.infra.cli;

import vn.caitien.infra.login.LoginException;
import vn.caitien.infra.login.OidcLogin;

import java.io.Console;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who a command-line tool acts as: {@code --user}/{@code --password}, else the environment's
 * {@code CAITIEN_USER}/{@code CAITIEN_PASSWORD}, else (password only) a prompt on the terminal. The user
 * is logged in to the identity server ({@code CAITIEN_ISSUER_URI}, default http://localhost:9000) with
 * {@link OidcLogin} and every call carries the access token; the services decide what the user may do.
 */
final class CliLogin {
    /** Turns credentials into an access token. */
    @FunctionalInterface
    interface Login {
        String accessToken(String username, String password);
    }

    static final String USAGE = "[--user <tên đăng nhập>] [--password <mật khẩu>]";
    private final Login login;
    private final Console console;
    private String user;
    private String password;

    CliLogin(Login login, Map<String, String> env, Console console) {
        this.login = login;
        this.console = console;
        this.user = blankToNull(env.get("CAITIEN_USER"));
        this.password = env.get("CAITIEN_PASSWORD") == null || env.get("CAITIEN_PASSWORD").isEmpty() ? null
                : env.get("CAITIEN_PASSWORD");
    }

    /** From the process environment, logging in to {@code CAITIEN_ISSUER_URI} (or port {@code CAITIEN_IDENTITY_PORT}). */
    static CliLogin fromEnvironment() {
        Map<String, String> env = System.getenv();
        URI issuer = URI.create(issuer(env));
        return new CliLogin((u, p) -> OidcLogin.accessToken(issuer, u, p), env, System.console());
    }

    static String issuer(Map<String, String> env) {
        String issuer = blankToNull(env.get("CAITIEN_ISSUER_URI"));
        if (issuer != null) return issuer;
        String port = blankToNull(env.get("CAITIEN_IDENTITY_PORT"));
        return "http://localhost:" + (port == null ? "9000" : port);
    }

    /**
     * Takes {@code --user X} and {@code --password X} out of the arguments.
     *
     * @return the other arguments in order, or null when one of the two options has no value
     */
    List<String> take(String[] args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--user" -> {
                    if (++i >= args.length) return null;
                    user = blankToNull(args[i]);
                }
                case "--password" -> {
                    if (++i >= args.length) return null;
                    password = args[i];
                }
                default -> rest.add(args[i]);
            }
        }
        return rest;
    }

    /** Logs in and returns the access token; refuses with a Vietnamese message when credentials are missing or wrong. */
    String accessToken() {
        if (user == null) {
            throw new LoginException("Cần đăng nhập: thêm --user <tên đăng nhập> (hoặc đặt biến môi trường CAITIEN_USER). "
                    + "Bản chạy thử in danh sách tài khoản mẫu khi chạy ./caitien demo");
        }
        if (password == null && console != null) {
            char[] typed = console.readPassword("Mật khẩu của %s: ", user);
            if (typed != null) password = new String(typed);
        }
        if (password == null) {
            throw new LoginException("Thiếu mật khẩu của " + user + ": thêm --password hoặc đặt biến môi trường CAITIEN_PASSWORD");
        }
        return login.accessToken(user, password);
    }

    String user() {
        return user;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
