package vn.caitien.infra.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The demo accounts, read from {@value #RESOURCE}: one copy shared by the embedded identity server
 * (infra/identity, which signs their claims into tokens), the demo loader (which logs in as the person
 * named in each step's "actor") and {@code ./caitien demo} (which prints them).
 *
 * <p>Each user carries what becomes the access token's claims (docs/security.md): {@code sub} =
 * {@code username}, {@code name}, {@code title}, {@code roles}, {@code school_code}, {@code unit},
 * {@code leads}; {@code school} is only shown. A user logs in with the file's shared demo
 * {@code password} unless it has its own {@code password}, stored encoded ({@code {bcrypt}…}).
 */
public final class DemoUsers {
    public static final String RESOURCE = "/identity/demo-users.json";
    /** Role names as in vn.caitien.access.Role (checked by the identity server's tests), with their labels. */
    static final Map<String, String> ROLE_LABELS = roleLabels();
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    /** One account; {@code unit} null means "no unit", an empty list "nationwide". */
    public record User(String username, String name, String title, List<String> roles, String schoolCode,
                       String school, List<String> unit, List<String> leads, String encodedPassword) {
        public User {
            roles = List.copyOf(roles);
            unit = unit == null ? null : List.copyOf(unit);
            leads = leads == null ? List.of() : List.copyOf(leads);
        }

        /** "Tổ giám sát - Nguyễn Thị Mai": how plan-service records this user as the actor. */
        public String actorLabel() {
            return title == null || title.isBlank() ? name : title + " - " + name;
        }

        /** The claims an access token for this user carries besides {@code sub}. */
        public Map<String, Object> claims() {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("name", name);
            if (title != null) claims.put("title", title);
            claims.put("roles", roles);
            if (schoolCode != null) claims.put("school_code", schoolCode);
            if (unit != null) claims.put("unit", unit);
            if (!leads.isEmpty()) claims.put("leads", leads);
            return claims;
        }

        /** "Thành viên tổ giám sát", the Vietnamese name of the first role. */
        public String roleLabel() {
            return roles.stream().map(r -> ROLE_LABELS.getOrDefault(r, r)).reduce((a, b) -> a + ", " + b).orElse("");
        }

        /** The school's name for school people, the unit path for officers, "toàn hệ thống" otherwise. */
        public String where() {
            if (school != null) return school;
            if (schoolCode != null) return "trường " + schoolCode;
            if (unit == null) return "toàn hệ thống";
            return unit.isEmpty() ? "toàn quốc" : String.join(" / ", unit);
        }
    }

    private final String sharedPassword;
    private final List<User> users;

    private DemoUsers(String sharedPassword, List<User> users) {
        this.sharedPassword = sharedPassword;
        this.users = List.copyOf(users);
    }

    /** The bundled demo accounts. */
    public static DemoUsers load() {
        try (InputStream in = DemoUsers.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("Không tìm thấy danh sách tài khoản mẫu " + RESOURCE);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được danh sách tài khoản mẫu " + RESOURCE, e);
        }
    }

    /** Accounts from a file of the same shape, e.g. a school's own list for the embedded identity server. */
    public static DemoUsers read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được danh sách tài khoản " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses and checks a users file: unique readable usernames, known roles, a password for everyone. */
    public static DemoUsers parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("JSON không hợp lệ: " + e.getMessage(), e);
        }
        if (root == null || !root.path("users").isArray()) {
            throw new IllegalArgumentException("cần một đối tượng JSON có mảng 'users'");
        }
        String shared = text(root, "password");
        List<User> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonNode node : root.path("users")) {
            String where = "users[" + i++ + "]";
            String username = text(node, "username");
            if (username == null || !USERNAME.matcher(username).matches()) {
                throw new IllegalArgumentException(where + ": tên đăng nhập '" + username
                        + "' cần 2–64 ký tự thường không dấu (a-z, 0-9, dấu chấm, gạch)");
            }
            if (!names.add(username)) throw new IllegalArgumentException(where + ": tên đăng nhập '" + username + "' bị trùng");
            String name = text(node, "name");
            if (name == null) throw new IllegalArgumentException(where + " (" + username + "): thiếu họ tên 'name'");
            List<String> roles = strings(node.get("roles"));
            if (roles.isEmpty()) throw new IllegalArgumentException(where + " (" + username + "): cần ít nhất một vai trò 'roles'");
            for (String role : roles) {
                if (!ROLE_LABELS.containsKey(role)) {
                    throw new IllegalArgumentException(where + " (" + username + "): vai trò '" + role
                            + "' không có; dùng một trong " + ROLE_LABELS.keySet());
                }
            }
            String password = text(node, "password");
            if (password == null && shared == null) {
                throw new IllegalArgumentException(where + " (" + username + "): thiếu mật khẩu (trường 'password' chung hoặc riêng)");
            }
            if (password != null && !password.startsWith("{")) {
                throw new IllegalArgumentException(where + " (" + username + "): mật khẩu riêng phải được mã hóa, "
                        + "dạng {bcrypt}$2a$… (chỉ mật khẩu mẫu chung mới ghi trần)");
            }
            users.add(new User(username, name, text(node, "title"), roles, text(node, "school_code"), text(node, "school"),
                    node.hasNonNull("unit") ? strings(node.get("unit")) : null, strings(node.get("leads")), password));
        }
        return new DemoUsers(shared, users);
    }

    public List<User> all() {
        return users;
    }

    public Optional<User> byUsername(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** The user recorded as this actor, e.g. "Tổ giám sát - Nguyễn Thị Mai". */
    public Optional<User> byActor(String actorLabel) {
        return users.stream().filter(u -> u.actorLabel().equals(actorLabel)).findFirst();
    }

    /** The shared demo password in plain text, or null when every user has its own. */
    public String sharedPassword() {
        return sharedPassword;
    }

    /** The plain password to log in as this user: the shared one; null for a user with an own (hashed) password. */
    public String loginPassword(User user) {
        return user.encodedPassword() == null ? sharedPassword : null;
    }

    /** The accounts as a table for the terminal, with the shared password and where to log in. */
    public String table(String loginUrl) {
        StringBuilder out = new StringBuilder("Tài khoản mẫu");
        if (sharedPassword != null) out.append(" (mật khẩu chung: ").append(sharedPassword).append(')');
        out.append(":\n");
        String row = "  %-22s  %-36s  %-22s  %s%n";
        out.append(String.format(row, "Tên đăng nhập", "Vai trò", "Họ tên", "Trường / đơn vị"));
        for (User u : users) out.append(String.format(row, u.username(), u.roleLabel(), u.name(), u.where()));
        if (loginUrl != null) out.append("Đăng nhập tại: ").append(loginUrl).append('\n');
        return out.toString();
    }

    /** {@code java … DemoUsers [login URL]}: prints {@link #table}, for ./caitien demo. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.print(load().table(args.length > 0 ? args[0] : null));
    }

    private static Map<String, String> roleLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("PRINCIPAL", "Hiệu trưởng");
        labels.put("COUNCIL_MEMBER", "Thành viên hội đồng tự đánh giá");
        labels.put("MONITOR", "Thành viên tổ giám sát");
        labels.put("STAFF", "Cán bộ, giáo viên, nhân viên");
        labels.put("OFFICER", "Chuyên viên cơ quan quản lý giáo dục");
        labels.put("AUDITOR", "Kiểm định viên");
        labels.put("ADMIN", "Quản trị hệ thống");
        return java.util.Collections.unmodifiableMap(labels);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (!node.isArray()) throw new IllegalArgumentException("cần một mảng chuỗi, nhận được " + node);
        node.forEach(n -> {
            if (!n.asText().isBlank()) out.add(n.asText().strip());
        });
        return out;
    }
}
