package vn.caitien.infra.cli;

import vn.caitien.api.plan.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.caitien.infra.login.LoginException;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The auditor's replay in a terminal: {@code ./caitien audit history|state|verify <planId> [--as-of ...]
 * [--user kiemdinh.q1] [--password …]}. It logs in (see {@link CliLogin}) and asks reporting-service
 * (history, state) and plan-service (verify, over the event store itself) as that user: an auditor within
 * their unit, the school's principal, or an administrator.
 */
public final class AuditCli {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(BusinessTime.ZONE);
    private static final java.util.Map<String, String> STATUS = java.util.Map.of("CHUA_THUC_HIEN", "Chưa thực hiện",
            "DANG_THUC_HIEN", "Đang thực hiện", "HOAN_THANH", "Hoàn thành", "CHAM_TIEN_DO", "Chậm tiến độ",
            "KHONG_THUC_HIEN", "Không thực hiện");
    private static final java.util.Map<String, String> PERIOD = java.util.Map.of("DAU_NAM", "đầu năm học",
            "CUOI_HK1", "cuối học kỳ I", "CUOI_NAM", "cuối năm học");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;
    private final String planService;
    private final String reportingService;
    private final CliLogin login;
    private String token;

    AuditCli(PrintStream out, String planService, String reportingService, CliLogin login) {
        this.out = out;
        this.planService = planService;
        this.reportingService = reportingService;
        this.login = login;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        String plan = "http://localhost:" + env("PLAN_SERVICE_PORT", "8081");
        String reporting = "http://localhost:" + env("REPORTING_SERVICE_PORT", "8083");
        System.exit(new AuditCli(out, plan, reporting, CliLogin.fromEnvironment()).run(args));
    }

    int run(String[] all) {
        List<String> args = login.take(all);
        if (args == null || args.size() < 2) return usage();
        String asOf = null;
        if (args.size() == 4 && args.get(2).equals("--as-of")) {
            asOf = args.get(3);
        } else if (args.size() != 2) {
            return usage();
        }
        String command = args.get(0);
        if (!List.of("history", "state", "verify").contains(command)) return usage();
        try {
            token = login.accessToken();
            return switch (command) {
                case "history" -> history(args.get(1));
                case "state" -> state(args.get(1), asOf);
                default -> verify(args.get(1));
            };
        } catch (CliError | LoginException e) {
            out.println("✗ " + e.getMessage());
            return 1;
        } catch (Exception e) {
            out.println("✗ Không gọi được dịch vụ: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + " (hệ thống đã chạy chưa? ./caitien up)");
            return 1;
        }
    }

    private int history(String planId) throws Exception {
        JsonNode events = get(reportingService + "/api/plans/" + enc(planId) + "/history");
        out.printf("Lịch sử kế hoạch %s — %d sự kiện%n%n", planId, events.size());
        out.printf("%4s  %-19s  %-10s  %-28s  %s%n", "#", "Ghi lúc", "Hiệu lực", "Người thực hiện", "Nội dung");
        for (JsonNode e : events) {
            out.printf("%4d  %-19s  %-10s  %-28s  %s%n", e.get("sequence").asLong(),
                    WHEN.format(Instant.parse(e.get("recordedAt").asText())), day(text(e, "effectiveDate")),
                    cut(text(e, "actor"), 28), e.get("description").asText());
        }
        return 0;
    }

    private int state(String planId, String asOf) throws Exception {
        String query = asOf == null ? "" : "?asOf=" + enc(asOf);
        JsonNode s = get(reportingService + "/api/plans/" + enc(planId) + "/state" + query);
        out.printf("Kế hoạch %s — %s, năm học %s (%s)%n", text(s, "documentNumber"), s.at("/school/name").asText(),
                text(s, "schoolYear"), text(s, "frameworkId"));
        out.printf("Tình trạng tại %s: %s; đã áp dụng đến sự kiện #%d%n%n", asOf == null ? "hiện tại" : asOf,
                "APPROVED".equals(text(s, "status")) ? "đã ban hành" : "dự thảo", s.get("lastSequence").asLong());
        out.printf("%-7s  %-16s  %7s  %-10s  %s%n", "Tiêu chí", "Trạng thái", "Tỉ lệ", "Hiệu lực", "Minh chứng");
        for (JsonNode item : s.get("items")) {
            out.printf("%-7s  %-16s  %7s  %-10s  %s%n", item.at("/details/criterionCode").asText(),
                    STATUS.getOrDefault(item.get("status").asText(), item.get("status").asText()),
                    item.get("percent").isNull() ? "—" : item.get("percent").asInt() + "%",
                    day(text(item, "lastEffectiveDate")), String.join(", ", json.convertValue(item.get("evidenceCodes"), String[].class)));
        }
        out.println();
        for (JsonNode report : s.get("reports")) {
            out.printf("Báo cáo %s lần %d, gửi ngày %s%n", PERIOD.getOrDefault(report.get("period").asText(),
                    report.get("period").asText()), report.get("revision").asInt(), day(text(report, "submittedOn")));
        }
        return 0;
    }

    /**
     * Exit 0: intact (compared with the checkpoints and reporting-service's copy); 4: nothing wrong found, but the
     * copy could not be compared, so not proven intact; 3: tampering found, each finding listed.
     */
    private int verify(String planId) throws Exception {
        JsonNode v = get(planService + "/api/plans/" + enc(planId) + "/verify");
        String verdict = text(v, "verdict");
        if (v.get("intact").asBoolean()) {
            out.printf("✓ %s%n  Mã băm cuối: %s%n", verdict.isEmpty() ? "Chuỗi băm nguyên vẹn: " + v.get("events").asInt()
                    + " sự kiện" : text(v, "message"), text(v, "headHash"));
            findings(v);
            return 0;
        }
        if (verdict.isEmpty()) {
            out.printf("✗ PHÁT HIỆN SAI LỆCH tại sự kiện số %s: %s%n", text(v, "firstBrokenSequence"), text(v, "problem"));
            return 3;
        }
        out.printf("%s %s%n", "SAI_LECH".equals(verdict) ? "✗" : "?", text(v, "message"));
        findings(v);
        return "SAI_LECH".equals(verdict) ? 3 : 4;
    }

    private void findings(JsonNode verified) {
        for (JsonNode f : verified.path("findings")) {
            out.printf("  %s %s: %s%n", f.path("tampering").asBoolean() ? "•" : "-", text(f, "label"), text(f, "message"));
        }
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = json.readTree(response.body().isBlank() ? "{}" : response.body());
        if (response.statusCode() >= 400) {
            throw new CliError(body.path("detail").asText(body.path("title").asText("HTTP " + response.statusCode())));
        }
        return body;
    }

    private int usage() {
        out.println("Cách dùng: ./caitien audit history|state|verify <mã kế hoạch> [--as-of 2024-01-15T00:00:00+07:00]");
        out.println("           " + CliLogin.USAGE);
        out.println("  Người xem: kiểm định viên trong phạm vi được giao, hiệu trưởng của trường, hoặc quản trị hệ thống.");
        return 2;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** "2021-08-15" → "15/08/2021", as Vietnamese readers write dates. */
    private static String day(String iso) {
        return iso.length() == 10 ? iso.substring(8) + "/" + iso.substring(5, 7) + "/" + iso.substring(0, 4) : iso;
    }

    private static String cut(String s, int width) { return s.length() <= width ? s : s.substring(0, width - 1) + "…"; }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static final class CliError extends RuntimeException {
        CliError(String message) { super(message); }
    }
}
