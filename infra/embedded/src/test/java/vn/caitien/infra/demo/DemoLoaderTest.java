package vn.caitien.infra.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.caitien.infra.demo.StandInPlanService.Call;
import vn.caitien.infra.login.DemoUsers;
import vn.caitien.infra.login.LoginException;
import vn.caitien.infra.tokens.StandInIssuer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the loader against {@link StandInPlanService}: the order of calls for both demo plans (the Word
 * upload, the indicator updates, the approval, the timeline), the multipart request and the bodies and
 * headers it sends, each call's bearer token (the demo account of the step's actor, signed by a
 * {@link StandInIssuer}), the second run that must not load twice, refused calls, a failed login, an
 * import that does not match the script, a file imported before, and the command line whose last line
 * scripts read.
 */
class DemoLoaderTest {
    private static final String LE_DINH_CHINH_THERE = "{\"id\":\"other\",\"documentNumber\":\"107/KH-LĐC\","
            + "\"schoolYear\":\"2022-2023\"},{\"id\":\"p-7\",\"schoolName\":\"Trường Tiểu học Lê Đình Chinh\","
            + "\"documentNumber\":\"107/KH-LĐC\",\"schoolYear\":\"2023-2024\",\"frameworkId\":\"TT17-2018\","
            + "\"status\":\"APPROVED\",\"itemCount\":11}";

    private static final DemoUsers USERS = DemoUsers.load();
    private static StandInIssuer issuer;
    private StandInPlanService service;
    private List<Call> calls;
    /** Tokens handed out, by user name: the loader asks once per call, as the real token cache answers. */
    private final Map<String, String> issued = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final Function<String, String> tokens = actor -> {
        asked.add(actor);
        DemoUsers.User user = DemoLoader.account(USERS, actor);
        return issued.computeIfAbsent(user.username(), u -> issuer.token(u, user.claims()));
    };
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

    @org.junit.jupiter.api.BeforeAll
    static void startIssuer() {
        issuer = StandInIssuer.start();
    }

    @org.junit.jupiter.api.AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @BeforeEach
    void start() throws IOException {
        service = new StandInPlanService();
        calls = service.calls;
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void loadsBothPlansThroughTheWordImporterThenIndicatorsApprovalAndTimeline() {
        DemoData first = DemoData.load(DemoData.LE_DINH_CHINH);
        DemoData second = DemoData.load(DemoData.TUOI_HONG);
        Map<String, String> ids = DemoLoader.loadAll(service.base(), tokens, out);

        // Ids go to the imported plan, its rows, then each progress record, in call order.
        String secondId = "id-" + (2 + first.items().size() + first.progressCount());
        assertEquals(List.of("id-1", secondId), List.copyOf(ids.values()));
        assertEquals(Map.of("Trường Tiểu học Lê Đình Chinh", "id-1", "Trường Mầm non Tuổi Hồng", secondId), ids);
        assertEquals(2 + first.stepCount() + second.stepCount(), calls.size());
        checkCalls(first, 0, 1, Map.of("documentNumber", "107/KH-LĐC"));
        checkCalls(second, 1 + first.stepCount(), 2 + first.items().size() + (int) first.progressCount(),
                Map.of("documentNumber", "12/KH-MNTH"));
        assertThat(calls.stream().map(Call::correlationId).distinct().count()).isEqualTo(calls.size());
        // Every call carries the token of the step's actor: the demo account with that title and name.
        assertThat(calls).allSatisfy(call -> {
            assertEquals(DemoLoader.account(USERS, call.user()).username(), call.subject());
            assertEquals("Bearer " + issued.get(call.subject()), call.authorization());
        });
        assertEquals(calls.size(), asked.size());
        // Tuổi Hồng's council adds no indicators: its secretary has an account (the script names her) but no call.
        assertThat(issued.keySet()).containsExactlyInAnyOrder("hieutruong.ldc", "thuky.lan.ldc", "giamsat.mai.ldc",
                "giamsat.hang.ldc", "giamsat.tuan.ldc", "hieutruong.tuoihong", "giamsat.ngoc.tuoihong", "giamsat.yen.tuoihong", "giamsat.linh.tuoihong");

        assertThat(printed()).contains(
                "[1/39] Nhập kế hoạch 107/KH-LĐC từ tệp Word le-dinh-chinh-2023-2024.docx (dự thảo)",
                "    mã kế hoạch: id-1 (11 nội dung cải tiến đọc từ tệp)",
                "[2/39] Hội đồng bổ sung chỉ số đo lường cho tiêu chí 1.5",
                "[3/39] Hội đồng bổ sung chỉ số đo lường cho tiêu chí 5.3",
                "[4/39] Hiệu trưởng ban hành kế hoạch (18/08/2023)",
                "[5/39] Ghi nhận tiến độ tiêu chí 1.5: Đang thực hiện 60% (15/09/2023)",
                "Nộp báo cáo giám sát cuối học kỳ I (19/01/2024)",
                "[39/39] Nộp báo cáo giám sát cuối năm học (28/05/2024)",
                "Đã nạp xong kế hoạch mẫu 107/KH-LĐC (mã id-1): 11 nội dung cải tiến, 32 bản ghi tiến độ, 3 báo cáo",
                "[1/23] Nhập kế hoạch 12/KH-MNTH từ tệp Word tuoi-hong-2021-2022.docx (dự thảo)",
                "[2/23] Hiệu trưởng ban hành kế hoạch (15/08/2021)",
                "[7/23] Ghi nhận tiến độ tiêu chí 1.4: Chưa thực hiện (08/10/2021)",
                "[23/23] Ghi nhận tiến độ tiêu chí 1.1: Hoàn thành (25/05/2022)",
                "Đã nạp xong kế hoạch mẫu 12/KH-MNTH (mã " + secondId + "): 6 nội dung cải tiến, 19 bản ghi tiến độ, 2 báo cáo");
        int firstHeading = printed().indexOf("» Trường Tiểu học Lê Đình Chinh – kế hoạch 107/KH-LĐC, năm học 2023-2024");
        int secondHeading = printed().indexOf("» Trường Mầm non Tuổi Hồng – kế hoạch 12/KH-MNTH, năm học 2021-2022");
        assertThat(firstHeading).isNotNegative().isLessThan(printed().indexOf("[1/39]"));
        assertThat(secondHeading).isGreaterThan(printed().indexOf("[39/39]")).isLessThan(printed().indexOf("[1/23]"));
    }

    /** The GET, the upload, the indicator updates, the approval and the timeline of {@code data}, from call {@code from}. */
    private void checkCalls(DemoData data, int from, int planNumber, Map<String, String> query) {
        String planPath = "/api/plans/id-" + planNumber;
        assertEquals("GET /api/plans", calls.get(from).method() + " " + calls.get(from).path());
        assertEquals(data.plan().actor(), calls.get(from).user(), "the principal looks for the school's plan");
        assertThat(data.plan().actor()).startsWith("Hiệu trưởng - ");

        Call upload = calls.get(from + 1);
        assertEquals("POST /api/plans/import", upload.method() + " " + upload.path());
        assertEquals(query, upload.query(), "the document number only (school and unit come from the account): not approved, not forced");
        assertEquals(data.plan().actor(), upload.user());
        assertThat(upload.contentType()).startsWith("multipart/form-data; boundary=");
        String boundary = upload.contentType().substring(upload.contentType().indexOf("boundary=") + 9);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + data.docx()
                + "\"\r\nContent-Type: " + PlanServiceClient.DOCX_TYPE + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] raw = upload.raw();
        assertEquals(head, new String(raw, 0, head.length(), StandardCharsets.ISO_8859_1));
        assertEquals(tail, new String(raw, raw.length - tail.length(), tail.length(), StandardCharsets.ISO_8859_1));
        assertArrayEquals(data.docxBytes(), Arrays.copyOfRange(raw, head.length(), raw.length - tail.length()));
        assertThat(data.docxBytes().length).isGreaterThan(5000);

        // Imported rows get the plan's number + 1, and so on, in document order.
        List<String> keys = data.items().stream().map(DemoData.ItemStep::key).toList();
        List<DemoData.ItemStep> indicators = data.indicatorItems();
        for (int i = 0; i < indicators.size(); i++) {
            Call put = calls.get(from + 2 + i);
            assertEquals("PUT", put.method());
            assertEquals(planPath + "/items/id-" + (planNumber + 1 + keys.indexOf(indicators.get(i).key())), put.path());
            assertEquals(indicators.get(i).request(), put.body());
            assertEquals(indicators.get(i).actor(), put.user());
        }
        Call approve = calls.get(from + 2 + indicators.size());
        assertEquals(planPath + "/approve", approve.path());
        assertEquals(data.approve().request(), approve.body());
        assertEquals(data.approve().actor(), approve.user());

        for (int i = 0; i < data.timeline().size(); i++) {
            DemoData.Event event = data.timeline().get(i);
            Call call = calls.get(from + 3 + indicators.size() + i);
            assertEquals(event.request(), call.body());
            assertEquals(event.actor(), call.user());
            if (event instanceof DemoData.ProgressEvent p) {
                assertEquals(planPath + "/items/id-" + (planNumber + 1 + keys.indexOf(p.itemKey())) + "/progress",
                        call.path());
            } else {
                assertEquals(planPath + "/reports", call.path());
            }
        }
    }

    @Test
    void importedRowsPairWithTheScriptByCriterionInDocumentOrder() {
        DemoData data = DemoData.load(DemoData.LE_DINH_CHINH);
        // Rows come back in another order, one skipped: the ids still follow the criterion codes.
        service.rows = rows -> {
            List<Map<String, Object>> reversed = new java.util.ArrayList<>(rows);
            java.util.Collections.reverse(reversed);
            Map<String, Object> skipped = new java.util.LinkedHashMap<>(rows.get(0));
            skipped.put("row", 40);
            skipped.put("skipped", true);
            reversed.add(skipped);
            return reversed;
        };
        assertEquals("id-1", DemoLoader.load(service.base(), tokens, out));

        Call put15 = calls.get(2);
        assertEquals("/api/plans/id-1/items/id-" + (1 + data.items().size() - 1), put15.path()); // 1.5: second row, reversed
        assertEquals(data.items().get(1).request(), put15.body());
    }

    @Test
    void anImportThatDoesNotMatchTheScriptStopsTheLoad() {
        service.rows = rows -> rows.subList(0, rows.size() - 1); // 5.5 not read from the document

        assertEquals(1, DemoLoader.cli(new String[] {service.base().toString()}, out, issuerUri -> tokens));

        assertEquals(2, calls.size(), "nothing after the import");
        assertThat(printed()).contains("LỖI: Kế hoạch nhập từ tệp le-dinh-chinh-2023-2024.docx (mã id-1, còn là dự thảo) "
                + "không khớp kịch bản mẫu: tệp cho 10 nội dung cải tiến", "kịch bản mẫu cần 11", "thiếu tiêu chí 5.5");
    }

    @Test
    void aFileImportedBeforeUnderAnotherNumberIsExplained() {
        service.importConflict = "p-old";

        assertThatThrownBy(() -> DemoLoader.load(service.base(), tokens, out))
                .isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("[1/39] Nhập kế hoạch 107/KH-LĐC từ tệp Word le-dinh-chinh-2023-2024.docx")
                .hasMessageContaining("đã được nhập trước đó thành kế hoạch p-old, nhưng không có kế hoạch số "
                        + "107/KH-LĐC năm học 2023-2024")
                .hasMessageContaining("HTTP 409");
        assertEquals(2, calls.size());
    }

    @Test
    void theCommandLinePrintsTheMainPlanIdLast() {
        assertEquals(0, DemoLoader.cli(new String[] {service.base().toString()}, out, issuerUri -> tokens));

        List<String> lines = printed().lines().toList();
        assertEquals("id-1", lines.get(lines.size() - 1));
        assertThat(lines.get(lines.size() - 2)).startsWith("Mã kế hoạch mẫu – Trường Mầm non Tuổi Hồng: id-");
        assertEquals("Mã kế hoạch mẫu – Trường Tiểu học Lê Đình Chinh: id-1", lines.get(lines.size() - 3));
    }

    @Test
    void theCommandLineLogsInAtTheIssuerItIsGiven() {
        List<URI> issuers = new CopyOnWriteArrayList<>();
        assertEquals(0, DemoLoader.cli(new String[] {service.base().toString(), "http://127.0.0.1:9999"}, out, uri -> {
            issuers.add(uri);
            return tokens;
        }));
        assertEquals(List.of(URI.create("http://127.0.0.1:9999")), issuers);
        assertThat(printed()).startsWith("Đăng nhập tại http://127.0.0.1:9999 bằng các tài khoản mẫu");
    }

    @Test
    void aFailedLoginStopsTheLoadBeforeTheCallIsSent() {
        Function<String, String> refused = actor -> {
            if (actor.equals("Tổ giám sát - Trần Minh Tuấn")) {
                throw new LoginException("Tên đăng nhập hoặc mật khẩu không đúng (tài khoản giamsat.tuan.ldc)");
            }
            return tokens.apply(actor);
        };

        assertThatThrownBy(() -> DemoLoader.load(service.base(), refused, out))
                .isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("ở bước [5/39] Ghi nhận tiến độ tiêu chí 1.5")
                .hasMessageContaining("không đăng nhập được với tư cách Tổ giám sát - Trần Minh Tuấn: Tên đăng nhập "
                        + "hoặc mật khẩu không đúng (tài khoản giamsat.tuan.ldc)");
        assertEquals(5, calls.size(), "the GET, the import, 2 indicator updates, the approval; not the progress record");
    }

    @Test
    void anActorWithoutADemoAccountIsNamed() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DemoLoader.account(USERS, "Tổ giám sát - Người Lạ"));
        assertThat(e.getMessage()).contains("không có tài khoản mẫu nào mang tên 'Tổ giám sát - Người Lạ'");
    }

    @Test
    void aBadAddressIsRefused() {
        assertEquals(2, DemoLoader.cli(new String[] {"localhost:8081"}, out, issuerUri -> tokens));
        assertThat(printed()).contains("Địa chỉ plan-service không hợp lệ");
        assertThat(calls).isEmpty();
    }

    @Test
    void plansAlreadyThereAreNotLoadedTwice() {
        service.plansJson = "[" + LE_DINH_CHINH_THERE + ",{\"id\":\"p-8\",\"documentNumber\":\"12/KH-MNTH\","
                + "\"schoolYear\":\"2021-2022\",\"status\":\"APPROVED\",\"itemCount\":6}]";

        assertEquals(Map.of("Trường Tiểu học Lê Đình Chinh", "p-7", "Trường Mầm non Tuổi Hồng", "p-8"),
                DemoLoader.loadAll(service.base(), tokens, out));

        assertEquals(List.of("GET", "GET"), calls.stream().map(Call::method).toList());
        assertThat(printed()).contains("đã có sẵn (mã p-7), không nạp lại", "đã có sẵn (mã p-8), không nạp lại")
                .doesNotContain("Lưu ý");
    }

    @Test
    void onlyTheMissingPlanIsLoaded() {
        service.plansJson = "[" + LE_DINH_CHINH_THERE + "]";

        assertEquals("p-7", DemoLoader.load(service.base(), tokens, out));

        DemoData second = DemoData.load(DemoData.TUOI_HONG);
        assertEquals(2 + second.stepCount(), calls.size());
        assertEquals("/api/plans/import", calls.get(2).path());
        assertThat(new String(calls.get(2).raw(), StandardCharsets.ISO_8859_1)).contains("filename=\"tuoi-hong-2021-2022.docx\"");
        assertThat(printed()).contains("đã có sẵn (mã p-7), không nạp lại", "Đã nạp xong kế hoạch mẫu 12/KH-MNTH (mã id-1)");
    }

    @Test
    void aRefusedCallStopsTheLoadWithTheProblemDetail() {
        service.failOnCall = 11; // the GET, the import, 2 indicator updates, the approval, then the 6th timeline entry

        assertThatThrownBy(() -> DemoLoader.load(service.base(), tokens, out))
                .isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("[10/39] Ghi nhận tiến độ tiêu chí 1.7")
                .hasMessageContaining("HTTP 422 – Trạng thái và tỉ lệ hoàn thành mâu thuẫn: "
                        + "Trạng thái Hoàn thành cần tỉ lệ 100%, nhận được 90% [trường: percent]");
        assertEquals(11, calls.size(), "the second plan is not tried");
        assertThat(printed()).contains("LỖI: Không nạp được dữ liệu mẫu (Trường Tiểu học Lê Đình Chinh) ở bước [10/39]");
    }

    @Test
    void aRefusalInTheSecondPlanNamesItsSchoolAndFailsTheCommand() {
        service.failOnCall = 42; // the first plan's GET and 39 steps, the second GET, then its import

        assertEquals(1, DemoLoader.cli(new String[] {service.base().toString()}, out, issuerUri -> tokens));

        assertEquals(42, calls.size());
        List<String> lines = printed().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("LỖI: Không nạp được dữ liệu mẫu (Trường Mầm non Tuổi Hồng) "
                + "ở bước [1/23] Nhập kế hoạch 12/KH-MNTH từ tệp Word tuoi-hong-2021-2022.docx (dự thảo): HTTP 422");
    }

    @Test
    void anUnreachableServiceIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> DemoLoader.load(nowhere, tokens, out))
                .isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("không kết nối được plan-service tại http://127.0.0.1:" + closedPort);
    }

    @Test
    void problemWithoutJsonStillExplainsItself() {
        var request = java.net.http.HttpRequest.newBuilder(URI.create("http://x/api/plans")).GET().build();
        assertEquals("HTTP 502 từ GET /api/plans: Bad Gateway",
                PlanServiceClient.describeFailure(request, 502, "Bad Gateway\n"));
    }
}
