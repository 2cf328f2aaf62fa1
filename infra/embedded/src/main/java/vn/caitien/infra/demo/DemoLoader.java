package vn.caitien.infra.demo;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import vn.caitien.infra.login.DemoUsers;
import vn.caitien.infra.login.TokenCache;

/**
 * Loads the demo plans into a running plan-service through its public REST API, for `./caitien demo`:
 * first Trường Tiểu học Lê Đình Chinh (107/KH-LĐC, 2023-2024), the main one, then Trường Mầm non
 * Tuổi Hồng (2021-2022), a preschool whose year-end report is missing (see {@link DemoData#RESOURCES}).
 *
 * <p>Each plan comes in as a school's would: its Word document is uploaded to the importer
 * (POST /api/plans/import, as a draft), the council adds the measurable indicators the document does
 * not state (PUT of the items whose script request has {@code indicators}), the principal approves it,
 * then the school year's progress records and monitoring reports follow. Going through the API rather
 * than the database means the demo exercises the same validation, events and Kafka publication as real
 * use, and the monitoring and reporting services see it too. Each step is sent by the person the script
 * names as its actor, logged in to the identity server as the demo account of that name
 * ({@link DemoUsers}): the principal imports and approves, the council secretary adds indicators, the
 * monitoring team records progress and submits reports. The embedded stack keeps its data across
 * restarts, so a plan already there (same document number and school year) is not loaded twice.
 */
public final class DemoLoader {
    public static final URI DEFAULT_BASE = URI.create("http://localhost:8081");
    public static final URI DEFAULT_ISSUER = URI.create("http://localhost:9000");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> STATUS_LABELS = Map.of(
            "CHUA_THUC_HIEN", "Chưa thực hiện",
            "DANG_THUC_HIEN", "Đang thực hiện",
            "HOAN_THANH", "Hoàn thành",
            "CHAM_TIEN_DO", "Chậm tiến độ",
            "KHONG_THUC_HIEN", "Không thực hiện");
    private static final Map<String, String> PERIOD_LABELS = Map.of(
            "DAU_NAM", "đầu năm học",
            "CUOI_HK1", "cuối học kỳ I",
            "CUOI_NAM", "cuối năm học");

    private final PlanServiceClient client;
    private final DemoData data;
    private final PrintStream out;
    private int step;

    DemoLoader(PlanServiceClient client, DemoData data, PrintStream out) {
        this.client = client;
        this.data = data;
        this.out = out;
    }

    /**
     * Loads every demo plan, in {@link DemoData#RESOURCES} order, each unless a plan with the same
     * document number and school year exists. Stops at the first failed call: plans after it are not tried.
     *
     * @param tokens an access token for an actor label of the script ("Tổ giám sát - Nguyễn Thị Mai")
     * @return plan id by school name, in load order (the Lê Đình Chinh plan first)
     * @throws DemoLoadException when a call fails; what was loaded before it stays in the service
     */
    public static Map<String, String> loadAll(URI planServiceBase, Function<String, String> tokens, PrintStream out) {
        List<DemoData> plans = DemoData.all();
        PlanServiceClient client = new PlanServiceClient(planServiceBase, tokens);
        out.println("Dữ liệu mẫu: " + plans.size() + " kế hoạch → " + client.base());
        Map<String, String> ids = new LinkedHashMap<>();
        for (DemoData data : plans) {
            ids.put(data.schoolName(), new DemoLoader(client, data, out).run());
        }
        return ids;
    }

    /** {@link #loadAll(URI, Function, PrintStream)}, each actor logged in to {@code issuer} as its demo account. */
    public static Map<String, String> loadAll(URI planServiceBase, URI issuer, PrintStream out) {
        out.println("Đăng nhập tại " + issuer + " bằng các tài khoản mẫu");
        return loadAll(planServiceBase, demoLogins(issuer), out);
    }

    /** {@link #loadAll(URI, URI, PrintStream)} with the identity server at {@link #DEFAULT_ISSUER}. */
    public static Map<String, String> loadAll(URI planServiceBase, PrintStream out) {
        return loadAll(planServiceBase, DEFAULT_ISSUER, out);
    }

    /**
     * Loads the demo plans as {@link #loadAll(URI, URI, PrintStream)} does.
     *
     * @return the id of the main demo plan (Lê Đình Chinh), new or already there
     * @throws DemoLoadException when a call fails; what was loaded before it stays in the service
     */
    public static String load(URI planServiceBase, URI issuer, PrintStream out) {
        return loadAll(planServiceBase, issuer, out).values().iterator().next();
    }

    /** The main demo plan's id, loaded as {@link #loadAll(URI, Function, PrintStream)} does. */
    public static String load(URI planServiceBase, Function<String, String> tokens, PrintStream out) {
        return loadAll(planServiceBase, tokens, out).values().iterator().next();
    }

    /**
     * Access tokens by actor label: the demo account whose "title - name" is the label, logged in to
     * {@code issuer} with the demo password (once per account while its token lasts).
     */
    public static Function<String, String> demoLogins(URI issuer) {
        DemoUsers users = DemoUsers.load();
        TokenCache cache = TokenCache.forIssuer(issuer, username -> users.byUsername(username)
                .map(users::loginPassword).orElse(null));
        return actor -> cache.accessToken(account(users, actor).username());
    }

    /** The demo account acting as {@code actor}; a script naming someone without an account fails here. */
    public static DemoUsers.User account(DemoUsers users, String actor) {
        return users.byActor(actor).orElseThrow(() -> new IllegalArgumentException("không có tài khoản mẫu nào mang tên '"
                + actor + "' trong " + DemoUsers.RESOURCE));
    }

    /**
     * {@code java ... DemoLoader [http://localhost:8081] [http://localhost:9000]}: plan-service, then the
     * identity server (default {@code CAITIEN_ISSUER_URI}, else {@link #DEFAULT_ISSUER}); exit code 1 when
     * loading failed.
     */
    public static void main(String[] args) {
        // Java 17 writes System.out in the platform charset, which turns diacritics into '?' under a C locale.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        int status = cli(args, out, DemoLoader::demoLogins);
        if (status != 0) System.exit(status);
    }

    /**
     * What {@link #main} does, minus the exit: 0 when loaded, 1 when a call failed, 2 for a bad address.
     * The last line printed on success is the id of the main plan alone, for scripts (./caitien demo).
     *
     * @param logins access tokens by actor label for an issuer, {@link #demoLogins} but in tests
     */
    static int cli(String[] args, PrintStream out, Function<URI, Function<String, String>> logins) {
        String env = System.getenv("CAITIEN_ISSUER_URI");
        URI base = address(args.length > 0 ? args[0] : null, DEFAULT_BASE, "plan-service", out);
        URI issuer = address(args.length > 1 ? args[1] : env == null || env.isBlank() ? null : env, DEFAULT_ISSUER,
                "máy chủ đăng nhập", out);
        if (base == null || issuer == null) return 2;
        Map<String, String> ids;
        try {
            out.println("Đăng nhập tại " + issuer + " bằng các tài khoản mẫu");
            ids = loadAll(base, logins.apply(issuer), out);
        } catch (DemoLoadException e) {
            return 1; // run() has already printed the reason
        }
        ids.forEach((school, id) -> out.println("Mã kế hoạch mẫu – " + school + ": " + id));
        out.println(ids.values().iterator().next());
        return 0;
    }

    private static URI address(String text, URI fallback, String what, PrintStream out) {
        if (text == null) return fallback;
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || uri.getHost() == null) throw new IllegalArgumentException(text);
            return uri;
        } catch (IllegalArgumentException e) {
            out.println("Địa chỉ " + what + " không hợp lệ: " + text + " (ví dụ: " + fallback + ")");
            return null;
        }
    }

    String run() {
        out.println("» " + data.schoolName() + " – kế hoạch " + data.documentNumber() + ", năm học "
                + data.schoolYear());
        Optional<Map<?, ?>> existing = findExisting();
        if (existing.isPresent()) return reportExisting(existing.get());

        Imported imported = importDocx();
        String planId = imported.planId();
        String planPath = "/api/plans/" + planId;
        Map<String, String> itemIds = imported.itemIds();
        out.println("    mã kế hoạch: " + planId + " (" + itemIds.size() + " nội dung cải tiến đọc từ tệp)");

        for (DemoData.ItemStep item : data.indicatorItems()) {
            String itemId = itemIds.get(item.key());
            call("Hội đồng bổ sung chỉ số đo lường cho tiêu chí " + item.criterionCode(),
                    () -> client.put(planPath + "/items/" + itemId, item.request(), item.actor()));
        }
        DemoData.Step approve = data.approve();
        call("Hiệu trưởng ban hành kế hoạch (" + approve.at().format(DAY) + ")",
                () -> client.post(planPath + "/approve", approve.request(), approve.actor()));

        for (DemoData.Event event : data.timeline()) {
            if (event instanceof DemoData.ProgressEvent progress) {
                String itemId = itemIds.get(progress.itemKey());
                if (itemId == null) {
                    throw fail("Dòng thời gian nhắc tới nội dung '" + progress.itemKey() + "' không có trong kế hoạch mẫu",
                            null);
                }
                call("Ghi nhận tiến độ tiêu chí " + progress.itemKey() + ": " + describe(progress),
                        () -> client.post(planPath + "/items/" + itemId + "/progress", progress.request(),
                                progress.actor()));
            } else if (event instanceof DemoData.ReportEvent report) {
                call("Nộp báo cáo giám sát " + PERIOD_LABELS.getOrDefault(report.period(), report.period())
                                + " (" + report.at().format(DAY) + ")",
                        () -> client.post(planPath + "/reports", report.request(), report.actor()));
            }
        }
        out.println("Đã nạp xong kế hoạch mẫu " + data.documentNumber() + " (mã " + planId + "): "
                + data.items().size() + " nội dung cải tiến, " + data.progressCount() + " bản ghi tiến độ, "
                + data.reportCount() + " báo cáo giám sát.");
        return planId;
    }

    /** The plan as created by the import, and its item ids by the script's item keys. */
    private record Imported(String planId, Map<String, String> itemIds) {
    }

    /**
     * Uploads the plan's Word document as a draft, with the document number it does not print. The school and
     * its managing unit are the principal's account's: plan-service takes them from the token.
     */
    private Imported importDocx() {
        DemoData.Step plan = data.plan();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("documentNumber", data.documentNumber());
        byte[] docx = data.docxBytes();
        String label = label("Nhập kế hoạch " + data.documentNumber() + " từ tệp Word " + data.docx() + " (dự thảo)");
        Map<String, Object> answer;
        try {
            answer = client.upload("/api/plans/import", query, data.docx(), docx, plan.actor());
        } catch (PlanServiceClient.CallFailed e) {
            if (e.status() == 409) {
                Object existing = e.problem().get("existingPlanId");
                throw fail("Không nạp được dữ liệu mẫu (" + data.schoolName() + ") ở bước " + label + ": tệp "
                        + data.docx() + " đã được nhập trước đó thành kế hoạch " + (existing == null ? "(không rõ mã)"
                        : existing) + ", nhưng không có kế hoạch số " + data.documentNumber() + " năm học "
                        + data.schoolYear() + " (có lẽ kế hoạch đó mang số hiệu hoặc năm học khác). Hãy xem lại kế hoạch"
                        + " đó, hoặc xóa dữ liệu của bộ chạy nhúng rồi nạp lại. (" + e.getMessage() + ")", e);
            }
            throw failAt(label, e);
        }
        out.println(label);
        Object planId = answer.get("planId");
        if (!(planId instanceof String id) || id.isBlank()) {
            throw fail("plan-service không trả về mã của kế hoạch vừa nhập (nhận được " + Json.write(answer) + ")", null);
        }
        if (answer.get("plan") instanceof Map<?, ?> header) {
            Object number = header.get("documentNumber");
            Object year = header.get("schoolYear");
            if (!data.documentNumber().equals(number) || !data.schoolYear().equals(year)) {
                throw fail("Kế hoạch nhập từ tệp " + data.docx() + " (mã " + id + ", còn là dự thảo) mang số hiệu " + number
                        + ", năm học " + year + ", không phải " + data.documentNumber() + ", năm học " + data.schoolYear()
                        + " như kịch bản mẫu", null);
            }
        }
        try {
            return new Imported(id, ImportedItems.match(data.items(), answer));
        } catch (IllegalArgumentException e) {
            throw fail("Kế hoạch nhập từ tệp " + data.docx() + " (mã " + id + ", còn là dự thảo) không khớp kịch bản mẫu: "
                    + e.getMessage(), e);
        }
    }

    private Optional<Map<?, ?>> findExisting() {
        List<Object> plans;
        try {
            plans = client.getList("/api/plans", data.plan().actor());
        } catch (PlanServiceClient.CallFailed e) {
            throw fail("Không đọc được danh sách kế hoạch: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw fail("Danh sách kế hoạch trả về không đúng dạng: " + e.getMessage(), e);
        }
        for (Object plan : plans) {
            if (plan instanceof Map<?, ?> summary && data.documentNumber().equals(summary.get("documentNumber"))
                    && data.schoolYear().equals(summary.get("schoolYear"))) {
                return Optional.of(summary);
            }
        }
        return Optional.empty();
    }

    private String reportExisting(Map<?, ?> summary) {
        String id = String.valueOf(summary.get("id"));
        out.println("Kế hoạch " + data.documentNumber() + " năm học " + data.schoolYear()
                + " đã có sẵn (mã " + id + "), không nạp lại.");
        // A run stopped halfway leaves a partial plan behind; say so rather than pretend it is complete.
        boolean draft = "DRAFT".equals(summary.get("status"));
        boolean missingItems = summary.get("itemCount") instanceof Number n && n.intValue() < data.items().size();
        if (draft || missingItems) {
            out.println("Lưu ý: kế hoạch này chưa đầy đủ (" + (draft ? "còn là dự thảo" : "thiếu nội dung cải tiến")
                    + "), có lẽ lần nạp trước bị gián đoạn; hãy xóa dữ liệu của bộ chạy nhúng rồi nạp lại.");
        }
        return id;
    }

    /** Runs one numbered step, printing it once it succeeded, or stopping the load with the reason. */
    private Map<String, Object> call(String description, Supplier<Map<String, Object>> action) {
        String label = label(description);
        try {
            Map<String, Object> answer = action.get();
            out.println(label);
            return answer;
        } catch (PlanServiceClient.CallFailed e) {
            throw failAt(label, e);
        }
    }

    /** "[3/39] description", counting the step. */
    private String label(String description) {
        step++;
        return "[" + step + "/" + data.stepCount() + "] " + description;
    }

    private DemoLoadException failAt(String label, PlanServiceClient.CallFailed e) {
        return fail("Không nạp được dữ liệu mẫu (" + data.schoolName() + ") ở bước " + label + ": " + e.getMessage(), e);
    }

    private DemoLoadException fail(String message, Throwable cause) {
        out.println("LỖI: " + message);
        return new DemoLoadException(message, cause);
    }

    /** "Đang thực hiện 40% (20/10/2023)": the percent only where the status does not already imply it. */
    private static String describe(DemoData.ProgressEvent progress) {
        String status = progress.status();
        StringBuilder text = new StringBuilder(STATUS_LABELS.getOrDefault(status, String.valueOf(status)));
        Object percent = progress.request().get("percent");
        if (percent != null && !"HOAN_THANH".equals(status) && !"CHUA_THUC_HIEN".equals(status)) {
            text.append(' ').append(percent).append('%');
        }
        LocalDate at = progress.at();
        return text.append(" (").append(at.format(DAY)).append(')').toString();
    }
}
