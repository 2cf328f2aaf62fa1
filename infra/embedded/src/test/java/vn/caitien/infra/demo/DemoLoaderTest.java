package vn.caitien.infra.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the loader against a stand-in plan-service on the loopback interface: the order of calls for
 * both demo plans, the bodies and headers it sends, the second run that must not load twice, refused
 * calls, and the command line whose last line scripts read.
 */
class DemoLoaderTest {
    record Call(String method, String path, String user, String correlationId, Object body) {
    }

    private static final String LE_DINH_CHINH_THERE = "{\"id\":\"other\",\"documentNumber\":\"107/KH-LĐC\","
            + "\"schoolYear\":\"2022-2023\"},{\"id\":\"p-7\",\"schoolName\":\"Trường Tiểu học Lê Đình Chinh\","
            + "\"documentNumber\":\"107/KH-LĐC\",\"schoolYear\":\"2023-2024\",\"frameworkId\":\"TT17-2018\","
            + "\"status\":\"APPROVED\",\"itemCount\":11}";

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile String plansJson = "[]";
    private volatile int failOnCall = -1;
    private HttpServer server;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/plans", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String user = exchange.getRequestHeaders().getFirst("X-User");
        calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                user == null ? null : URLDecoder.decode(user, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("X-Correlation-Id"), body.isEmpty() ? null : Json.parse(body)));
        String path = exchange.getRequestURI().getPath();
        if (calls.size() == failOnCall) {
            send(exchange, 422, "application/problem+json", "{\"title\":\"Trạng thái và tỉ lệ hoàn thành mâu thuẫn\","
                    + "\"detail\":\"Trạng thái Hoàn thành cần tỉ lệ 100%, nhận được 90%\","
                    + "\"errors\":[{\"field\":\"percent\",\"message\":\"Trạng thái Hoàn thành cần tỉ lệ 100%\"}]}");
        } else if (exchange.getRequestMethod().equals("GET")) {
            send(exchange, 200, "application/json", plansJson);
        } else if (path.endsWith("/approve")) {
            send(exchange, 200, "application/json", "{\"status\":\"APPROVED\"}");
        } else if (path.endsWith("/reports")) {
            send(exchange, 201, "application/json", "{\"period\":\"DAU_NAM\",\"revision\":1}");
        } else {
            send(exchange, 201, "application/json", "{\"id\":\"id-" + ids.incrementAndGet() + "\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void loadsBothPlansWithItemsApprovalAndTimelineInOrder() {
        DemoData first = DemoData.load(DemoData.LE_DINH_CHINH);
        DemoData second = DemoData.load(DemoData.TUOI_HONG);
        Map<String, String> ids = DemoLoader.loadAll(base(), out);

        // Ids are handed out per created plan, item and progress record, in call order.
        String secondId = "id-" + (2 + first.items().size() + first.progressCount());
        assertEquals(Map.of("Trường Tiểu học Lê Đình Chinh", "id-1", "Trường Mầm non Tuổi Hồng", secondId), ids);
        assertEquals(List.of("id-1", secondId), List.copyOf(ids.values()));
        assertEquals(2 + first.stepCount() + second.stepCount(), calls.size());
        assertEquals("Thư ký Hội đồng tự đánh giá - Đặng Thị Ngọc Lan", calls.get(1).user());
        assertEquals("Hiệu trưởng - Lưu Thuận Phong", calls.get(13).user());
        checkCalls(first, 0, 1);
        checkCalls(second, 1 + first.stepCount(), 2 + first.items().size() + (int) first.progressCount());
        assertThat(calls.stream().map(Call::correlationId).distinct().count()).isEqualTo(calls.size());

        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("[1/48] Lập kế hoạch 107/KH-LĐC (dự thảo)",
                "[14/48] Ghi nhận tiến độ tiêu chí 1.5: Đang thực hiện 60% (15/09/2023)",
                "Nộp báo cáo giám sát cuối học kỳ I (19/01/2024)",
                "[48/48] Nộp báo cáo giám sát cuối năm học (28/05/2024)",
                "Đã nạp xong kế hoạch mẫu 107/KH-LĐC (mã id-1): 11 nội dung cải tiến, 32 bản ghi tiến độ, 3 báo cáo",
                "[1/29] Lập kế hoạch 12/KH-MNTH (dự thảo)",
                "[13/29] Ghi nhận tiến độ tiêu chí 1.4: Chưa thực hiện (08/10/2021)",
                "[29/29] Ghi nhận tiến độ tiêu chí 1.1: Hoàn thành (25/05/2022)",
                "Đã nạp xong kế hoạch mẫu 12/KH-MNTH (mã " + secondId + "): 6 nội dung cải tiến, 19 bản ghi tiến độ, 2 báo cáo");
        // Each plan's steps are headed by its school.
        int firstHeading = printed.indexOf("» Trường Tiểu học Lê Đình Chinh – kế hoạch 107/KH-LĐC, năm học 2023-2024");
        int secondHeading = printed.indexOf("» Trường Mầm non Tuổi Hồng – kế hoạch 12/KH-MNTH, năm học 2021-2022");
        assertThat(firstHeading).isNotNegative().isLessThan(printed.indexOf("[1/48]"));
        assertThat(secondHeading).isGreaterThan(printed.indexOf("[48/48]")).isLessThan(printed.indexOf("[1/29]"));
    }

    /** The GET, then the plan, its items, the approval and the timeline of {@code data}, from call {@code from}. */
    private void checkCalls(DemoData data, int from, int planNumber) {
        String planPath = "/api/plans/id-" + planNumber;
        assertEquals(new Call("GET", "/api/plans", null, calls.get(from).correlationId(), null), calls.get(from));
        assertEquals(new Call("POST", "/api/plans", data.plan().actor(), calls.get(from + 1).correlationId(),
                data.plan().request()), calls.get(from + 1));
        for (int i = 0; i < data.items().size(); i++) {
            Call item = calls.get(from + 2 + i);
            assertEquals(planPath + "/items", item.path());
            assertEquals(data.items().get(i).request(), item.body());
        }
        Call approve = calls.get(from + 2 + data.items().size());
        assertEquals(planPath + "/approve", approve.path());
        assertEquals(data.approve().actor(), approve.user());

        // Item ids follow the plan's: the first row gets the plan's number + 1, and so on.
        List<String> codes = data.items().stream().map(DemoData.ItemStep::key).toList();
        for (int i = 0; i < data.timeline().size(); i++) {
            DemoData.Event event = data.timeline().get(i);
            Call call = calls.get(from + 3 + data.items().size() + i);
            assertEquals(event.request(), call.body());
            assertEquals(event.actor(), call.user());
            if (event instanceof DemoData.ProgressEvent p) {
                assertEquals(planPath + "/items/id-" + (planNumber + 1 + codes.indexOf(p.itemKey())) + "/progress",
                        call.path());
            } else {
                assertEquals(planPath + "/reports", call.path());
                assertEquals(event.at().toString(), ((Map<?, ?>) call.body()).get("submittedOn"));
            }
        }
    }

    @Test
    void theCommandLinePrintsTheMainPlanIdLast() {
        assertEquals(0, DemoLoader.cli(new String[] {base().toString()}, out));

        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("id-1", lines.get(lines.size() - 1));
        assertThat(lines.get(lines.size() - 2)).startsWith("Mã kế hoạch mẫu – Trường Mầm non Tuổi Hồng: id-");
        assertEquals("Mã kế hoạch mẫu – Trường Tiểu học Lê Đình Chinh: id-1", lines.get(lines.size() - 3));
    }

    @Test
    void aBadAddressIsRefused() {
        assertEquals(2, DemoLoader.cli(new String[] {"localhost:8081"}, out));
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Địa chỉ plan-service không hợp lệ");
        assertThat(calls).isEmpty();
    }

    @Test
    void plansAlreadyThereAreNotLoadedTwice() {
        plansJson = "[" + LE_DINH_CHINH_THERE + ",{\"id\":\"p-8\",\"documentNumber\":\"12/KH-MNTH\","
                + "\"schoolYear\":\"2021-2022\",\"status\":\"APPROVED\",\"itemCount\":6}]";

        assertEquals(Map.of("Trường Tiểu học Lê Đình Chinh", "p-7", "Trường Mầm non Tuổi Hồng", "p-8"),
                DemoLoader.loadAll(base(), out));

        assertEquals(List.of("GET", "GET"), calls.stream().map(Call::method).toList());
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("đã có sẵn (mã p-7), không nạp lại",
                "đã có sẵn (mã p-8), không nạp lại").doesNotContain("Lưu ý");
    }

    @Test
    void onlyTheMissingPlanIsLoaded() {
        plansJson = "[" + LE_DINH_CHINH_THERE + "]";

        assertEquals("p-7", DemoLoader.load(base(), out));

        DemoData second = DemoData.load(DemoData.TUOI_HONG);
        assertEquals(2 + second.stepCount(), calls.size());
        assertEquals(second.plan().request(), calls.get(2).body());
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("đã có sẵn (mã p-7), không nạp lại",
                "Đã nạp xong kế hoạch mẫu 12/KH-MNTH (mã id-1)");
    }

    @Test
    void aRefusedCallStopsTheLoadWithTheProblemDetail() {
        failOnCall = 20; // the GET, the plan, 11 items, the approval, then the 6th timeline entry

        assertThatThrownBy(() -> DemoLoader.load(base(), out))
                .isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("[19/48] Ghi nhận tiến độ tiêu chí 1.7")
                .hasMessageContaining("HTTP 422 – Trạng thái và tỉ lệ hoàn thành mâu thuẫn: "
                        + "Trạng thái Hoàn thành cần tỉ lệ 100%, nhận được 90% [trường: percent]");
        assertEquals(20, calls.size(), "the second plan is not tried");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("LỖI: Không nạp được dữ liệu mẫu (Trường Tiểu học Lê Đình Chinh) ở bước [19/48]");
    }

    @Test
    void aRefusalInTheSecondPlanNamesItsSchoolAndFailsTheCommand() {
        failOnCall = 51; // the first plan's GET and 48 steps, the second GET, then its creation

        assertEquals(1, DemoLoader.cli(new String[] {base().toString()}, out));

        assertEquals(51, calls.size());
        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("LỖI: Không nạp được dữ liệu mẫu (Trường Mầm non Tuổi Hồng) "
                + "ở bước [1/29] Lập kế hoạch 12/KH-MNTH (dự thảo): HTTP 422");
    }

    @Test
    void anUnreachableServiceIsNamed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> DemoLoader.load(nowhere, out))
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
