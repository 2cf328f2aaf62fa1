package vn.caitien.planservice.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.planservice.ApiTestSupport;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service over the real event store, driven with generated hostile requests. Every try is checked
 * against the same invariants: no 5xx; a 4xx is RFC 7807 problem+json with a Vietnamese title and
 * detail and an {@code errors} array of {field, message}; the event store (and plan_view, plan_import)
 * change only when the answer is 2xx, and then by exactly the events the command produces.
 *
 * <p>Every try is sent as a user allowed to make that request (the principal of {@link #FUZZ_SCHOOL}, its
 * monitoring team for progress) unless the attempt names its own {@code Authorization}
 * ({@link #NO_AUTHORIZATION}: none at all).
 *
 * <p>Reproducible: the seed is printed and can be set with {@code -Dfuzz.seed=...}; {@code -Dfuzz.scale=0.2}
 * scales every property's number of tries.
 */
abstract class FuzzSupport extends ApiTestSupport {
    /** The school of the fuzzed plans (their JSON names it) and of the users sending the tries. */
    static final String FUZZ_SCHOOL = "79760101";
    /** As the value of an attempt's Authorization: send the request without that header. */
    static final String NO_AUTHORIZATION = "<none>";
    static final long SEED = Long.getLong("fuzz.seed", 20_251_107L);
    static final double SCALE = Double.parseDouble(System.getProperty("fuzz.scale", "1"));
    /** Letters only Vietnamese uses among Latin scripts: a title or detail with none of them is not Vietnamese. */
    private static final Pattern VIETNAMESE = Pattern.compile(
            "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One generated request. {@code path} is sent as written (already percent-encoded where needed). */
    record Attempt(String label, String method, String path, Map<String, String> headers, byte[] body) {
        String describe() {
            String text = body == null ? "<no body>" : new String(body, StandardCharsets.UTF_8);
            String shown = text.length() > 400 ? text.substring(0, 400) + "…(" + body.length + " bytes)" : text;
            String p = path.length() > 300 ? path.substring(0, 300) + "…(" + path.length() + " chars)" : path;
            Map<String, String> h = new LinkedHashMap<>();
            headers.forEach((k, v) -> h.put(k, v.length() > 120 ? v.substring(0, 120) + "…(" + v.length() + " chars)" : v));
            return "[" + label + "] " + method + " " + p + " " + h + " body=" + shown.replace("\u0000", "\\u0000");
        }
    }

    record Answer(int status, String contentType, byte[] bytes, JsonNode body, String wwwAuthenticate) {
        String text() {
            String s = new String(bytes, StandardCharsets.UTF_8);
            return s.length() > 600 ? s.substring(0, 600) + "…" : s;
        }
    }

    /** What the tables held before a try. */
    record Counts(long events, long views, long imports) {
    }

    /** Tally of one property: status histogram, failures with their reproducers, known issues skipped. */
    final class Tally {
        final String name;
        final long started = System.nanoTime();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final Map<String, Integer> known = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        final Map<String, Integer> warnings = new TreeMap<>();
        int tries;

        Tally(String name) { this.name = name; }

        void fail(Attempt attempt, Answer answer, String why) {
            if (failures.size() < 40) {
                failures.add(why + "\n    request: " + attempt.describe() + "\n    answer: " + answer.status() + " "
                        + answer.contentType() + " " + answer.text());
            } else if (failures.size() == 40) {
                failures.add("… more failures left out");
            }
        }

        void warn(String what) { warnings.merge(what.length() > 160 ? what.substring(0, 160) : what, 1, Integer::sum); }

        void finish() {
            double seconds = (System.nanoTime() - started) / 1e9;
            StringBuilder s = new StringBuilder();
            s.append(String.format("%n=== FUZZ %s: seed=%d tries=%d time=%.1fs statuses=%s", name, SEED, tries, seconds, statuses));
            if (!known.isEmpty()) s.append(" known-issues-skipped=").append(known);
            if (!failures.isEmpty()) s.append(" FAILURES=").append(failures.size());
            warnings.forEach((w, n) -> s.append(String.format("%n  warning ×%d: %s", n, w)));
            System.out.println(s);
            failures.forEach(f -> System.out.println("  ✗ " + f));
            assertThat(failures).as("fuzz failures of " + name + " (seed " + SEED + ")").isEmpty();
        }
    }

    static int tries(int base) { return Math.max(1, (int) Math.round(base * SCALE)); }

    // ---------------------------------------------------------------- the invariants

    /**
     * Sends the attempt and checks the invariants. {@code expectedEvents} is how many events a 2xx answer
     * must have stored (computed from the answer for imports); {@code successStatuses} the 2xx allowed.
     * Returns the answer, or null when the try was a known issue (reported, not asserted).
     */
    Answer check(Tally tally, Attempt attempt, java.util.function.ToIntFunction<Answer> expectedEvents,
                 java.util.function.Predicate<Answer> coherentSuccess, Known known) throws Exception {
        Counts before = counts();
        Answer answer = send(attempt);
        Counts after = counts();
        tally.tries++;
        tally.statuses.merge(answer.status(), 1, Integer::sum);
        if (known != null) tally.known.merge(known.name() + "→" + answer.status(), 1, Integer::sum);
        int status = answer.status();
        if (status >= 500) {
            if (known == null || !known.allow5xx()) tally.fail(attempt, answer, "5xx answer");
        } else if (status >= 200 && status < 300) {
            int expected = expectedEvents.applyAsInt(answer);
            boolean lost = after.events() - before.events() == 0 && expected > 0;
            if (lost && known != null && known.allowLostWrite()) {
                tally.known.merge(known.name() + " (confirmed: 0 events)", 1, Integer::sum);
            } else {
                if (after.events() - before.events() != expected) {
                    tally.fail(attempt, answer, "2xx stored " + (after.events() - before.events()) + " events, expected " + expected);
                }
                if (!coherentSuccess.test(answer)) tally.fail(attempt, answer, "2xx answer is not a coherent success");
            }
        } else if (status >= 400) {
            String problem = problemDefect(answer);
            if (problem != null && (known == null || !known.allowNonProblem())) tally.fail(attempt, answer, problem);
            String english = englishDetail(answer);
            if (english != null) tally.warn("4xx detail not in Vietnamese: " + english);
        } else {
            tally.fail(attempt, answer, "unexpected status");
        }
        if ((status < 200 || status >= 300) && !before.equals(after) && (known == null || !known.allowWrites())) {
            tally.fail(attempt, answer, "refused request wrote something: before " + before + ", after " + after);
        }
        return answer;
    }

    /**
     * An input that hits a bug this fuzzing found: which invariant it breaks is tolerated (still sent,
     * tallied by name and status, and every other invariant still checked) until the bug is fixed.
     */
    record Known(String name, boolean allow5xx, boolean allowNonProblem, boolean allowWrites, boolean allowLostWrite) {
        static Known merge(Known a, Known b) {
            if (a == null) return b;
            return new Known(a.name() + " + " + b.name(), a.allow5xx() || b.allow5xx(), a.allowNonProblem() || b.allowNonProblem(),
                    a.allowWrites() || b.allowWrites(), a.allowLostWrite() || b.allowLostWrite());
        }
    }

    /** Why the answer is not a clear problem+json, or null. */
    static String problemDefect(Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) return "4xx without problem+json content type";
        JsonNode body = answer.body();
        if (body == null || !body.isObject()) return "4xx body is not a JSON object";
        String title = body.path("title").asText("");
        String detail = body.path("detail").asText("");
        if (title.isBlank() || detail.isBlank()) return "4xx problem without title/detail";
        if (!VIETNAMESE.matcher(title).find()) return "4xx title not in Vietnamese: " + title;
        if (body.path("status").asInt() != answer.status()) return "problem status member differs from HTTP status";
        JsonNode errors = body.get("errors");
        if (errors == null || !errors.isArray()) return "4xx problem without an errors array";
        for (JsonNode error : errors) {
            if (error.path("field").asText("").isBlank() || error.path("message").asText("").isBlank()) {
                return "errors element without field/message: " + error;
            }
        }
        return null;
    }

    /** Spring's and Hibernate Validator's own English messages leak into some details: reported, not failed. */
    static String englishDetail(Answer answer) {
        if (answer.body() == null) return null;
        String detail = answer.body().path("detail").asText("");
        if (detail.isBlank() || VIETNAMESE.matcher(detail).find()) return null;
        return detail.replaceAll("'[^']*'|\"[^\"]*\"", "…").replaceAll("\\d+", "N");
    }

    Counts counts() {
        return new Counts(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class),
                jdbc.queryForObject("select count(*) from plan_view", Long.class),
                jdbc.queryForObject("select count(*) from plan_import", Long.class));
    }

    // ---------------------------------------------------------------- HTTP

    URI uri(String path) { return URI.create("http://localhost:" + port + path); }

    Answer send(Attempt attempt) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(attempt.headers());
        if (!headers.containsKey("Authorization")) headers.put("Authorization", tokenFor(attempt.path(), FUZZ_SCHOOL));
        if (NO_AUTHORIZATION.equals(headers.get("Authorization"))) headers.remove("Authorization");
        Attempt a = new Attempt(attempt.label(), attempt.method(), attempt.path(), headers, attempt.body());
        if (needsRawSocket(a)) return sendRaw(a);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(a.path())).timeout(Duration.ofSeconds(60));
        a.headers().forEach(b::header);
        b.method(a.method(), a.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(a.body()));
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                r.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    private Answer answer(int status, String type, byte[] bytes, String wwwAuthenticate) {
        JsonNode body = null;
        if (type.contains("json") && bytes.length > 0) {
            try {
                body = json.readTree(bytes);
            } catch (Exception ignored) {
                // left null: the invariant check reports it
            }
        }
        return new Answer(status, type, bytes, body, wwwAuthenticate);
    }

    /** java.net.http refuses some header values and URIs a hostile client can still send. */
    private static boolean needsRawSocket(Attempt a) {
        for (String v : a.headers().values()) for (char c : v.toCharArray()) if (c < 0x20 && c != '\t' || c > 0x7e) return true;
        for (char c : a.path().toCharArray()) if (c <= 0x20 || c > 0x7e || c == '|' || c == '"' || c == '\\') return true;
        try {
            URI.create("http://localhost" + a.path());
        } catch (IllegalArgumentException e) {
            return true;
        }
        return false;
    }

    /** HTTP/1.1 over a plain socket: headers and path are written as ISO-8859-1 bytes, unvalidated. */
    Answer sendRaw(Attempt a) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            StringBuilder s = new StringBuilder(a.method() + " " + a.path() + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\n");
            a.headers().forEach((k, v) -> s.append(k).append(": ").append(v).append("\r\n"));
            if (a.body() != null) s.append("Content-Length: ").append(a.body().length).append("\r\n");
            s.append("\r\n");
            head.write(s.toString().getBytes(StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            if (a.body() != null) out.write(a.body());
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (split < 0) return new Answer(0, "", all, null, null);
            String[] lines = new String(all, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String type = "";
            String authenticate = null;
            boolean chunked = false;
            for (String line : lines) {
                String lower = line.toLowerCase();
                if (lower.startsWith("content-type:")) type = line.substring(13).strip();
                if (lower.startsWith("www-authenticate:")) authenticate = line.substring(17).strip();
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
            }
            byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
            return answer(status, type, chunked ? dechunk(body) : body, authenticate);
        }
    }

    private static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int eol = indexOf(java.util.Arrays.copyOfRange(in, i, in.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (eol < 0) break;
            int size = Integer.parseInt(new String(in, i, eol, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) break;
            out.write(in, i + eol + 2, size);
            i += eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    // ---------------------------------------------------------------- fixtures (valid requests, not counted)

    static final String PLAN = """
            {"school": {"name": "Trường Tiểu học Lê Đình Chinh", "code": "79760101", "type": "TIEU_HOC",
                        "managingUnit": ["Thành phố Hồ Chí Minh", "Quận 10"]},
             "frameworkId": "TT17-2018", "schoolYear": "2023 - 2024", "documentNumber": "107/KH-LĐC",
             "issueDate": "2023-08-18", "issuePlace": "Quận 10",
             "legalBases": ["Thông tư 17/2018/TT-BGDĐT"],
             "baseline": {"levels": [{"level": 1, "met": 28, "total": 28}, {"level": 2, "met": 20, "total": 28}],
                          "overallLevel": 1, "source": "Báo cáo tự đánh giá 2023"}}""";
    static final String ITEM = """
            {"criterionCode": "Tiêu chí 3.4", "levelGroup": "MỨC 1, 2, 3",
             "targetResult": "Số lượng phòng vệ sinh đáp ứng đủ cho học sinh toàn trường.",
             "indicators": [{"name": "Số phòng vệ sinh", "baseline": 4, "target": 8, "unit": "phòng"}],
             "tasks": ["Xây dựng kế hoạch sửa chữa"], "lead": "Hiệu trưởng", "coordinators": ["Kế toán"],
             "schedule": {"start": "2020-01", "end": "2030-12", "text": "Từ năm 2020 đến 2030"},
             "budget": {"amount": 3000000, "perSchoolYear": true, "fundingSource": "Kinh phí dự án Quận",
                        "note": "dự kiến", "text": "3 triệu/NH"},
             "supportConditions": "Phụ huynh ủng hộ", "notes": "Ưu tiên"}""";

    JsonNode postJson(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", tokenFor(path, FUZZ_SCHOOL)).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " → " + r.body()).isBetween(200, 299);
        return r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
    }

    String newPlan() throws Exception { return postJson("/api/plans", PLAN).get("id").asText(); }

    String newItem(String planId) throws Exception {
        return postJson("/api/plans/" + planId + "/items", ITEM).get("id").asText();
    }

    void approve(String planId) throws Exception { postJson("/api/plans/" + planId + "/approve", "{\"approvedOn\": \"2023-08-18\"}"); }

    static Map<String, String> jsonHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        return h;
    }
}
