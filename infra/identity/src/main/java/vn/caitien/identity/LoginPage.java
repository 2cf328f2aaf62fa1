package vn.caitien.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.caitien.access.Role;
import vn.caitien.infra.login.DemoUsers;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The login form in Vietnamese (posted to Spring Security's form login, with its CSRF token), and the
 * page a user who logged in directly lands on. On the embedded stack it also lists the demo accounts.
 */
@RestController
class LoginPage {
    static final String WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng";
    private final Accounts accounts;
    private final IdentityProperties properties;

    LoginPage(Accounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String login(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String locked = request.getParameter("locked");
        String notice = locked != null ? "<p class=\"error\" role=\"alert\">" + Html.escape(locked(locked)) + "</p>"
                : request.getParameter("error") != null ? "<p class=\"error\" role=\"alert\">" + WRONG_CREDENTIALS + "</p>"
                : request.getParameter("logout") != null ? "<p class=\"info\" role=\"status\">Bạn đã đăng xuất.</p>" : "";
        return render(request.getContextPath() + "/login", csrf, notice,
                properties.showDemoUsers() ? accounts.all() : List.of(), accounts.sharedPassword());
    }

    /** The refusal of a login attempt while the account or address is locked ({@link LoginThrottle}). */
    static String locked(String minutes) {
        String left = minutes.matches("\\d{1,4}") ? minutes + " phút" : "ít phút";
        return "Đăng nhập sai quá nhiều lần nên tạm thời bị khoá; vui lòng thử lại sau " + left;
    }

    static String render(String action, CsrfToken csrf, String notice, List<DemoUsers.User> demoUsers, String sharedPassword) {
        StringBuilder body = new StringBuilder("<div class=\"card\"><h1>Cải tiến</h1>"
                + "<p class=\"sub\">Theo dõi kế hoạch cải tiến chất lượng giáo dục · Đăng nhập</p>")
                .append(notice)
                .append("<form method=\"post\" action=\"").append(Html.escape(action)).append("\">")
                .append("<label for=\"username\">Tên đăng nhập</label>")
                .append("<input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\" autocapitalize=\"none\" required autofocus>")
                .append("<label for=\"password\">Mật khẩu</label>")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>");
        if (csrf != null) {
            body.append("<input type=\"hidden\" name=\"").append(Html.escape(csrf.getParameterName())).append("\" value=\"")
                    .append(Html.escape(csrf.getToken())).append("\">");
        }
        body.append("<button class=\"primary\" type=\"submit\">Đăng nhập</button></form></div>");
        if (!demoUsers.isEmpty()) body.append(demoTable(demoUsers, sharedPassword));
        return Html.page("Đăng nhập", body.toString());
    }

    private static String demoTable(List<DemoUsers.User> users, String sharedPassword) {
        StringBuilder out = new StringBuilder("<section class=\"demo card\"><h2>Tài khoản mẫu (bản chạy thử)</h2>");
        if (sharedPassword != null) {
            out.append("<p>Mật khẩu chung: <code>").append(Html.escape(sharedPassword))
                    .append("</code>. Bấm tên đăng nhập để điền.</p>");
        }
        out.append("<table><thead><tr><th>Tên đăng nhập</th><th>Họ tên</th><th>Vai trò</th><th>Trường / đơn vị</th></tr></thead><tbody>");
        for (DemoUsers.User user : users) {
            out.append("<tr><td><button type=\"button\" class=\"pick\" data-user=\"").append(Html.escape(user.username()))
                    .append("\">").append(Html.escape(user.username())).append("</button></td><td>")
                    .append(Html.escape(user.name())).append("</td><td>").append(Html.escape(roles(user)))
                    .append("</td><td>").append(Html.escape(user.where())).append("</td></tr>");
        }
        out.append("</tbody></table></section><script>document.querySelectorAll('.pick').forEach(b=>b.addEventListener('click',"
                + "()=>{document.getElementById('username').value=b.dataset.user;document.getElementById('password').focus();}));</script>");
        return out.toString();
    }

    static String roles(DemoUsers.User user) {
        return user.roles().stream().map(r -> Role.valueOf(r).label()).collect(Collectors.joining(", "));
    }

    /** Where someone who opened the login page directly ends up: who they are, and a way out. */
    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String home(Authentication authentication, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        DemoUsers.User user = accounts.find(authentication.getName()).orElse(null);
        String who = user == null ? authentication.getName() : user.actorLabel() + " (" + roles(user) + ", " + user.where() + ")";
        String logout = "<form method=\"post\" action=\"" + Html.escape(request.getContextPath() + "/logout") + "\">"
                + (csrf == null ? "" : "<input type=\"hidden\" name=\"" + Html.escape(csrf.getParameterName()) + "\" value=\""
                + Html.escape(csrf.getToken()) + "\">") + "<button class=\"primary\" type=\"submit\">Đăng xuất</button></form>";
        String dashboards = properties.dashboardUrls().stream()
                .map(url -> "<li><a href=\"" + Html.escape(url) + "/\">" + Html.escape(url) + "</a></li>")
                .collect(Collectors.joining());
        return Html.page("Đã đăng nhập", "<div class=\"card\"><h1>Cải tiến</h1><p class=\"info\" role=\"status\">Đã đăng nhập: "
                + Html.escape(who) + "</p>" + (dashboards.isEmpty() ? "" : "<p>Mở bảng theo dõi:</p><ul>" + dashboards + "</ul>")
                + logout + "</div>");
    }
}
