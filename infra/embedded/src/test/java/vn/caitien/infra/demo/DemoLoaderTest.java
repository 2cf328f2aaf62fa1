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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the loader against a stand-in plan-service on the loopback interface: the order of calls,
 * the bodies and headers it sends, the second run that must not load twice, and a refused call.
 */
class DemoLoaderTest {
    record Call(String method, String path, String user, String correlationId, Object body) {
    }

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
    void loadsThePlanItemsApprovalAndTimelineInOrder() {
        DemoData data = DemoData.load();
        String planId = DemoLoader.load(base(), out);

        assertEquals("id-1", planId);
        assertEquals(1 + data.stepCount(), calls.size());
        assertEquals(new Call("GET", "/api/plans", null, calls.get(0).correlationId(), null), calls.get(0));
        Call create = calls.get(1);
        assertEquals("/api/plans", create.path());
        assertEquals(data.plan().request(), create.body());
        assertEquals("Thư ký Hội đồng tự đánh giá - Đặng Thị Ngọc Lan", create.user());
        for (int i = 0; i < 11; i++) {
            Call item = calls.get(2 + i);
            assertEquals("/api/plans/id-1/items", item.path());
            assertEquals(data.items().get(i).request(), item.body());
        }
        Call approve = calls.get(13);
        assertEquals("/api/plans/id-1/approve", approve.path());
        assertEquals("Hiệu trưởng - Lưu Thuận Phong", approve.user());

        // Item ids were handed out in plan order: id-2 is 1.4, id-3 is 1.5 ...
        List<String> codes = data.items().stream().map(DemoData.ItemStep::key).toList();
        for (int i = 0; i < data.timeline().size(); i++) {
            DemoData.Event event = data.timeline().get(i);
            Call call = calls.get(14 + i);
            assertEquals(event.request(), call.body());
            assertEquals(event.actor(), call.user());
            if (event instanceof DemoData.ProgressEvent p) {
                assertEquals("/api/plans/id-1/items/id-" + (2 + codes.indexOf(p.itemKey())) + "/progress", call.path());
            } else {
                assertEquals("/api/plans/id-1/reports", call.path());
            }
        }
        assertThat(calls.stream().map(Call::correlationId).distinct().count()).isEqualTo(calls.size());
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("[1/48] Lập kế hoạch 107/KH-LĐC (dự thảo)",
                "[14/48] Ghi nhận tiến độ tiêu chí 1.5: Đang thực hiện 60% (15/09/2023)",
                "Nộp báo cáo giám sát cuối học kỳ I (12/01/2024)",
                "[48/48] Nộp báo cáo giám sát cuối năm học (28/05/2024)",
                "Đã nạp xong kế hoạch mẫu 107/KH-LĐC (mã id-1): 11 nội dung cải tiến, 32 bản ghi tiến độ, 3 báo cáo");
    }

    @Test
    void aPlanAlreadyThereIsNotLoadedTwice() {
        plansJson = "[{\"id\":\"other\",\"documentNumber\":\"107/KH-LĐC\",\"schoolYear\":\"2022-2023\"},"
                + "{\"id\":\"p-7\",\"schoolName\":\"Trường Tiểu học Lê Đình Chinh\",\"documentNumber\":\"107/KH-LĐC\","
                + "\"schoolYear\":\"2023-2024\",\"frameworkId\":\"TT17-2018\",\"status\":\"APPROVED\",\"itemCount\":11}]";

        assertEquals("p-7", DemoLoader.load(base(), out));

        assertEquals(1, calls.size());
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("đã có sẵn (mã p-7), không nạp lại")
                .doesNotContain("Lưu ý");
    }

    @Test
    void aRefusedCallStopsTheLoadWithTheProblemDetail() {
        failOnCall = 20; // the GET, the plan, 11 items, the approval, then the 6th timeline entry

        assertThatThrownBy(() -> DemoLoader.load(base(), out))
                .isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("[19/48] Ghi nhận tiến độ tiêu chí 1.7")
                .hasMessageContaining("HTTP 422 – Trạng thái và tỉ lệ hoàn thành mâu thuẫn: "
                        + "Trạng thái Hoàn thành cần tỉ lệ 100%, nhận được 90% [trường: percent]");
        assertEquals(20, calls.size());
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("LỖI: Không nạp được dữ liệu mẫu ở bước [19/48]");
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
