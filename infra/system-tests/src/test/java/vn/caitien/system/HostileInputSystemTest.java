package vn.caitien.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import vn.caitien.documents.hostile.HostileFiles;
import vn.caitien.infra.EmbeddedPostgresServer;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes of an attacker, sent to plan-service running as its own JVM with the heap it has in
 * production (-Xmx256m): each is refused with a clean 4xx problem+json, stores nothing, and afterwards
 * the same process (same pid, no restart) is healthy with its heap under its limit. Every probe prints
 * the service's heap in use and its resident memory before and after.
 * The tampering probes that need the whole system (a forged record on the topic, a truncated store seen
 * against reporting-service's copy) are in {@link TamperingSystemTest}.
 */
class HostileInputSystemTest {
    static final long MB = 1024 * 1024;
    static RunningSystem system;
    static HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long pid;
    Memory before;

    @BeforeAll
    static void system() throws Exception {
        system = RunningSystem.get();
    }

    @BeforeEach
    void measure(TestInfo test) throws Exception {
        pid = system.plan.pid();
        before = Memory.of(system);
        System.out.printf("PROBE %s%n  before: %s%n", test.getDisplayName(), before);
    }

    @AfterEach
    void stillTheSameHealthyService() throws Exception {
        Memory after = Memory.of(system);
        System.out.printf("  after:  %s%n", after);
        assertThat(system.plan.pid()).as("the same process answers: not restarted").isEqualTo(pid);
        assertThat(system.plan.isAlive()).isTrue();
        assertThat(Http.get(system.plan.uri("/actuator/health")).body().path("status").asText()).isEqualTo("UP");
        assertThat(after.heapUsed()).isLessThan(after.heapMax());
    }

    @Test
    void anExportedWorkbookWithAThousandMergedRegions() throws Exception {
        SamplePlan plan = SamplePlan.create(system.plan);
        byte[] xlsx = raw(HttpRequest.newBuilder(system.plan.uri("/api/plans/" + plan.planId() + "/export.xlsx"))
                .header("Authorization", "Bearer " + Http.token("hieutruong.ldc")).GET().build());
        byte[] hostile = HostileFiles.withMergedRegions(xlsx, 1_000);
        System.out.printf("  file: %,d bytes%n", hostile.length);
        assertRefusedImport(hostile, "ke-hoach.xlsx");
    }

    @Test
    void aWordPlanWithFiveThousandRows() throws Exception {
        assertRefusedImport(HostileFiles.docxWithTableRows(5_000), "ke-hoach.docx");
    }

    @Test
    void aWorkbookWithAMillionEmptyRows() throws Exception {
        assertRefusedImport(HostileFiles.xlsxWithEmptyRows(1_000_000), "ke-hoach.xlsx");
    }

    @Test
    void tablesNestedAThousandDeep() throws Exception {
        assertRefusedImport(HostileFiles.docxWithNestedTables(1_000), "ke-hoach.docx");
    }

    @Test
    void aChunked200MbBodyFromAReadOnlyOfficer() throws Exception {
        long events = events();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(system.plan.uri(
                        "/api/plans/" + UUID.randomUUID() + "/items/" + UUID.randomUUID() + "/progress"))
                .header("Authorization", "Bearer " + Http.token("phong.q10")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> HostileFiles.jsonBody(200 * MB))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(answer, 413);
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void a100MbBodyWithAnIdempotencyKey() throws Exception {
        SamplePlan plan = SamplePlan.create(system.plan);
        long events = events();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(system.plan.uri(
                        "/api/plans/" + plan.planId() + "/items/" + plan.itemIds().get(0) + "/progress"))
                .header("Authorization", "Bearer " + Http.token("giamsat.mai.ldc")).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> HostileFiles.jsonBody(100 * MB)), 100 * MB)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(answer, 413);
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void eightyFourRowsOf240KbEach() throws Exception {
        SamplePlan plan = SamplePlan.create(system.plan);
        long events = events();
        String huge = "Nội dung rất dài. ".repeat(240 * 1024 / 18);
        for (int row = 0; row < 84; row++) {
            String body = SamplePlan.item("1." + (row % 10 + 1), "Năm học 2023-2024")
                    .replace("\"targetResult\": \"", "\"targetResult\": \"" + huge);
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(system.plan.uri("/api/plans/" + plan.planId() + "/items"))
                    .header("Authorization", "Bearer " + Http.token("hieutruong.ldc")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("row %d: %s", row, answer.body()).isBetween(400, 499);
        }
        assertThat(events()).isEqualTo(events);
        // The plan still answers at once.
        assertThat(Http.get(system.plan.uri("/api/plans/" + plan.planId())).status()).isEqualTo(200);
        assertThat(Http.post(system.plan.uri("/api/plans/" + plan.planId() + "/items/" + plan.itemIds().get(0) + "/progress"),
                "giamsat.mai.ldc", SamplePlan.progress("DANG_THUC_HIEN", 40, "2023-10-02")).status()).isEqualTo(201);
    }

    @Test
    void threeHundredConcurrentCommandsWithKeysAndNoIfMatch() throws Exception {
        SamplePlan plan = SamplePlan.create(system.plan);
        long events = events();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<String> keys = new ArrayList<>();
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int n = 0; n < 300; n++) {
                String key = UUID.randomUUID().toString();
                keys.add(key);
                String item = plan.itemIds().get(n % 3);
                answers.add(pool.submit(() -> progress(plan.planId(), item, key)));
            }
            for (int n = 0; n < answers.size(); n++) {
                HttpResponse<String> answer = answers.get(n).get();
                assertThat(answer.statusCode()).as("command %d: %s", n, answer.body()).isEqualTo(201);
            }
            // The advised retry gets the first answer back and adds nothing.
            for (int n = 0; n < 20; n++) {
                assertThat(progress(plan.planId(), plan.itemIds().get(n % 3), keys.get(n)).statusCode()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(events()).isEqualTo(events + 300);
    }

    private static HttpResponse<String> progress(String planId, String itemId, String key) throws Exception {
        return client.send(HttpRequest.newBuilder(system.plan.uri("/api/plans/" + planId + "/items/" + itemId + "/progress"))
                .header("Authorization", "Bearer " + Http.token("giamsat.mai.ldc")).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(SamplePlan.progress("DANG_THUC_HIEN", 50, "2023-11-02"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefusedImport(byte[] file, String name) throws Exception {
        long events = events();
        String boundary = "caitien-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        long started = System.nanoTime();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(system.plan.uri("/api/plans/import?dryRun=true"))
                .header("Authorization", "Bearer " + Http.token("hieutruong.ldc"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("  %s of %,d bytes answered %d in %d ms%n", name, file.length, answer.statusCode(),
                (System.nanoTime() - started) / 1_000_000);
        assertProblem(answer, answer.statusCode());
        assertThat(answer.statusCode()).as(answer.body()).isIn(413, 422);
        assertThat(answer.body()).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+(Exception|Error)");
        assertThat(events()).isEqualTo(events);
    }

    private static void assertProblem(HttpResponse<String> answer, int status) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = Http.json(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(problem.path("detail").asText()).matches(".*[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ].*");
    }

    private static byte[] raw(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static long events() throws Exception {
        try (Connection c = DriverManager.getConnection(system.stack.postgres()
                .jdbcUrl(EmbeddedPostgresServer.DEFAULT_DATABASE, "plan"), system.stack.postgres().username(), "");
             ResultSet rows = c.createStatement().executeQuery("select count(*) from domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** plan-service's heap (from its own metrics) and resident memory (from the kernel). */
    record Memory(long heapUsed, long heapMax, long rss) {
        static Memory of(RunningSystem system) throws Exception {
            return new Memory(metric(system, "jvm.memory.used"), metric(system, "jvm.memory.max"), rss(system.plan.pid()));
        }

        private static long metric(RunningSystem system, String name) throws Exception {
            JsonNode m = Http.get(system.plan.uri("/actuator/metrics/" + name + "?tag=area:heap")).body();
            return m.at("/measurements/0/value").asLong();
        }

        private static long rss(long pid) throws Exception {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
            return -1;
        }

        @Override
        public String toString() {
            return String.format("heap %d MB of %d MB, RSS %d MB", heapUsed / MB, heapMax / MB, rss / MB);
        }
    }
}
