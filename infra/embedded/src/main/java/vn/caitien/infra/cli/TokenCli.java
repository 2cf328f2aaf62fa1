package vn.caitien.infra.cli;

import vn.caitien.infra.login.LoginException;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./caitien token <tên đăng nhập> [--password …]}: logs the user in (see {@link CliLogin}) and
 * prints the access token alone, for {@code curl -H "Authorization: Bearer $(./caitien token quantri)"}.
 * Errors go to standard error, so a failed login never ends up in a header. Exit code 1 when refused,
 * 2 for a usage mistake.
 */
public final class TokenCli {
    private final PrintStream out;
    private final PrintStream err;
    private final CliLogin login;

    TokenCli(PrintStream out, PrintStream err, CliLogin login) {
        this.out = out;
        this.err = err;
        this.login = login;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(new TokenCli(out, err, CliLogin.fromEnvironment()).run(args));
    }

    int run(String[] args) {
        List<String> rest = login.take(args);
        if (rest == null || rest.size() > 1) return usage();
        List<String> withUser = new ArrayList<>();
        if (rest.size() == 1) {
            if (rest.get(0).startsWith("--")) return usage();
            withUser.add("--user");
            withUser.add(rest.get(0));
        }
        login.take(withUser.toArray(String[]::new));
        try {
            out.println(login.accessToken());
            return 0;
        } catch (LoginException e) {
            err.println("✗ " + e.getMessage());
            return 1;
        }
    }

    private int usage() {
        err.println("Cách dùng: ./caitien token <tên đăng nhập> [--password <mật khẩu>]");
        err.println("  in access token của tài khoản, ví dụ: curl -H \"Authorization: Bearer $(./caitien token quantri)\" …");
        return 2;
    }
}
