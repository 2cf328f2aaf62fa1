package vn.caitien.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.caitien.infra.login.LoginException;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./caitien import <tệp.docx|.xlsx> [--dry-run] [--approve] [--force]
 * [--document-number 107/KH-LĐC] [--framework TT17-2018] [--school-year 2023-2024] [--user hieutruong.ldc]
 * [--password …]}: logs in (see {@link CliLogin}; importing creates a plan, which only the school's
 * principal may do), uploads a plan file to plan-service (POST /api/plans/import) and prints what was read: the header,
 * one line per item with its typed time and budget, and the diagnostics by table row and column. The plan's school
 * and managing unit are those of the signed-in principal's account (there is no option to choose them).
 * Exit code 0 when the preview or import succeeded, 1 when it was refused, 2 for a usage mistake.
 */
public final class ImportCli {
    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final Map<String, String> OPTIONS = Map.of("--document-number", "documentNumber", "--framework", "frameworkId", "--school-year", "schoolYear");
    private static final Map<String, String> TYPES = Map.of("MAM_NON", "Mầm non", "TIEU_HOC", "Tiểu học",
            "THCS", "Trung học cơ sở", "THPT", "Trung học phổ thông", "PHO_THONG_NHIEU_CAP", "Phổ thông nhiều cấp");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;
    private final String planService;
    private final CliLogin login;

    ImportCli(PrintStream out, String planService, CliLogin login) {
        this.out = out;
        this.planService = planService;
        this.login = login;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        String port = System.getenv("PLAN_SERVICE_PORT");
        String url = "http://localhost:" + (port == null || port.isBlank() ? "8081" : port);
        System.exit(new ImportCli(out, url, CliLogin.fromEnvironment()).run(args));
    }

    int run(String[] all) {
        List<String> rest = login.take(all);
        if (rest == null) return usage();
        String[] args = rest.toArray(String[]::new);
        Path file = null;
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--dry-run" -> query.put("dryRun", "true");
                case "--approve" -> query.put("approve", "true");
                case "--force" -> query.put("force", "true");
                default -> {
                    if (OPTIONS.containsKey(a)) {
                        if (++i >= args.length) return usage();
                        query.put(OPTIONS.get(a), args[i]);
                    } else if (a.startsWith("--") || file != null) {
                        return usage();
                    } else {
                        file = Path.of(a);
                    }
                }
            }
        }
        if (file == null) return usage();
        try {
            if (!Files.isRegularFile(file)) throw new CliError("Không thấy tệp " + file);
            if (Files.size(file) > MAX_BYTES) throw new CliError("Tệp " + file + " lớn hơn 10 MB; hệ thống không nhận");
            return print(upload(file, query, login.accessToken()));
        } catch (CliError | LoginException e) {
            out.println("✗ " + e.getMessage());
            return 1;
        } catch (IOException | InterruptedException e) {
            out.println("✗ Không gọi được plan-service tại " + planService + ": " + e.getMessage()
                    + " (hệ thống đã chạy chưa? ./caitien up)");
            return 1;
        }
    }

    private JsonNode upload(Path file, Map<String, String> query, String token) throws IOException, InterruptedException {
        String boundary = "caitien-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + ascii(file.getFileName().toString()) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder url = new StringBuilder(planService).append("/api/plans/import");
        String sep = "?";
        for (Map.Entry<String, String> e : query.entrySet()) {
            url.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = "&";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode node = json.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        if (response.statusCode() >= 400) throw new CliError(problem(response.statusCode(), node));
        return node;
    }

    private int print(JsonNode r) {
        JsonNode p = r.path("plan");
        boolean dryRun = r.path("dryRun").asBoolean();
        out.printf("Tệp %s — %s%n%n", r.path("format").asText().toUpperCase(), dryRun ? "XEM TRƯỚC, chưa lưu gì" : "ĐÃ NHẬP");
        out.printf("  Trường:    %s (%s)%n", text(p, "schoolName"), TYPES.getOrDefault(text(p, "schoolType"), "loại hình chưa rõ"));
        out.printf("  Quản lý:   %s%n", join(p.path("managingUnit"), " / "));
        String date = text(p, "issueDate");
        if (date.length() == 10) date = date.substring(8) + "/" + date.substring(5, 7) + "/" + date.substring(0, 4);
        String issued = (text(p, "issuePlace") + (text(p, "issuePlace").isEmpty() ? "" : ", ") + date).strip();
        out.printf("  Số hiệu:   %s   Ban hành: %s%n", text(p, "documentNumber"), issued.isEmpty() ? "(không ghi)" : issued);
        out.printf("  Năm học:   %s   Bộ tiêu chuẩn: %s%n", text(p, "schoolYear"), text(p, "frameworkId"));
        out.printf("  Căn cứ:    %d văn bản   Ký: %s %s%n%n", p.path("legalBases").size(), text(p, "signerTitle"),
                text(p, "signerName"));
        out.printf("  %5s  %-8s  %-12s  %-19s  %-28s  %s%n", "Dòng", "Tiêu chí", "Nhóm mức", "Thời gian", "Kinh phí", "Chủ trì");
        int imported = 0;
        for (JsonNode item : r.path("items")) {
            boolean skipped = item.path("skipped").asBoolean();
            if (!skipped) imported++;
            out.printf("  %5d  %-8s  %-12s  %-19s  %-28s  %s%s%n", item.path("row").asInt(), text(item, "criterionCode"),
                    text(item, "levelGroup"), schedule(item.path("schedule")), cut(budget(item.path("budget")), 28),
                    cut(text(item, "lead"), 24), skipped ? "   ✗ bỏ qua" : "");
        }
        List<JsonNode> diagnostics = new ArrayList<>();
        r.path("diagnostics").forEach(diagnostics::add);
        long errors = diagnostics.stream().filter(d -> d.path("severity").asText().equals("ERROR")).count();
        out.printf("%nChẩn đoán: %d cảnh báo, %d lỗi%n", diagnostics.size() - errors, errors);
        diagnostics.forEach(d -> out.println("  " + diagnostic(d)));
        out.println();
        if (r.hasNonNull("existingPlanId")) out.println("ℹ Tệp này đã từng được nhập thành kế hoạch " + text(r, "existingPlanId"));
        if (r.path("created").asBoolean()) {
            out.printf("✓ Đã tạo kế hoạch %s với %d nội dung cải tiến%n", text(r, "planId"), imported);
            return 0;
        }
        boolean blocked = diagnostics.stream().anyMatch(d -> d.path("severity").asText().equals("ERROR") && !d.hasNonNull("row"));
        out.println(blocked ? "✗ Chưa nhập được: sửa các lỗi trên rồi thử lại"
                : "✓ Xem trước: " + imported + " nội dung cải tiến sẽ được nhập (chạy lại không có --dry-run để nhập)");
        return blocked ? 1 : 0;
    }

    private String problem(int status, JsonNode p) {
        StringBuilder s = new StringBuilder(text(p, "title").isEmpty() ? "HTTP " + status : text(p, "title"));
        if (!text(p, "detail").isEmpty()) s.append(": ").append(text(p, "detail"));
        if (p.hasNonNull("existingPlanId")) {
            s.append("\n  Kế hoạch đã có: ").append(text(p, "existingPlanId")).append(" (thêm --force để vẫn nhập)");
        }
        for (JsonNode d : p.path("diagnostics")) s.append("\n  ").append(diagnostic(d));
        return s.toString();
    }

    private static String diagnostic(JsonNode d) {
        String where = d.hasNonNull("row") ? "dòng " + d.path("row").asInt()
                + (d.hasNonNull("column") ? ", cột " + d.path("column").asInt() : "") : "đầu văn bản";
        String mark = d.path("severity").asText().equals("ERROR") ? "✗" : "⚠";
        return mark + " " + where + " [" + text(d, "field") + "]: " + text(d, "message");
    }

    /** "09/2023 – 05/2024", "từ 09/2023", or the text itself when it has no months. */
    private static String schedule(JsonNode s) {
        if (s.isMissingNode() || s.isNull()) return "—";
        String start = month(text(s, "start"));
        String end = month(text(s, "end"));
        if (start.isEmpty() && end.isEmpty()) return "? " + cut(text(s, "text").replace('\n', ' '), 17);
        if (end.isEmpty()) return "từ " + start;
        if (start.isEmpty()) return "đến " + end;
        return start.equals(end) ? start : start + " – " + end;
    }

    private static String budget(JsonNode b) {
        if (b.isMissingNode() || b.isNull()) return "—";
        StringBuilder s = new StringBuilder();
        if (b.hasNonNull("amount")) {
            s.append(String.format("%,d", b.path("amount").asLong()).replace(',', '.')).append(" đ");
            if (b.path("perSchoolYear").asBoolean()) s.append("/năm học");
        }
        if (b.hasNonNull("fundingSource")) s.append(s.isEmpty() ? "" : " ").append("(nguồn: ").append(text(b, "fundingSource")).append(')');
        return s.isEmpty() ? (text(b, "text").isEmpty() ? "—" : text(b, "text").replace('\n', ' ')) : s.toString();
    }

    private static String month(String yearMonth) {
        return yearMonth.length() == 7 ? yearMonth.substring(5) + "/" + yearMonth.substring(0, 4) : yearMonth;
    }

    private static String join(JsonNode array, String separator) {
        List<String> parts = new ArrayList<>();
        array.forEach(n -> parts.add(n.asText()));
        return parts.isEmpty() ? "(không ghi)" : String.join(separator, parts);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String cut(String s, int width) { return s.length() <= width ? s : s.substring(0, width - 1) + "…"; }

    /** Part headers are safest in ASCII: "Kế hoạch.docx" is sent as "Ke hoach.docx". */
    private static String ascii(String name) {
        String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.replaceAll("[^\\x20-\\x7E]", "_").replace('"', '_');
    }

    private int usage() {
        out.println("Cách dùng: ./caitien import <tệp.docx|.xlsx> [--dry-run] [--approve] [--force]");
        out.println("           [--document-number 107/KH-LĐC]");
        out.println("           [--framework TT17-2018] [--school-year 2023-2024] " + CliLogin.USAGE);
        out.println("  --dry-run  chỉ đọc tệp và báo cáo, không lưu gì");
        out.println("  --approve  ban hành kế hoạch ngay sau khi nhập (ngày ban hành = ngày trên văn bản)");
        out.println("  --force    nhập cả khi tệp này đã được nhập trước đó");
        out.println("  --user     tài khoản hiệu trưởng của trường (mặc định: biến CAITIEN_USER); mật khẩu: --password,");
        out.println("             biến CAITIEN_PASSWORD, hoặc gõ khi được hỏi");
        return 2;
    }

    private static final class CliError extends RuntimeException {
        CliError(String message) { super(message); }
    }
}
