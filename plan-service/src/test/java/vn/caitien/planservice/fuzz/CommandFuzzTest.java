package vn.caitien.planservice.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Every JSON command endpoint of plan-service under generated bad input (see {@link JsonMutator} for
 * the bodies; here the headers, ids and query). Each property starts from a valid request, so a
 * mutation that keeps it valid is accepted and must then be a coherent success with its one event.
 */
class CommandFuzzTest extends FuzzSupport {
    static final String APPROVE = "{\"approvedOn\": \"2023-08-18\", \"approvedBy\": \"Hiệu trưởng Nguyễn Văn A\"}";
    static final String PROGRESS = """
            {"status": "DANG_THUC_HIEN", "percent": 40, "effectiveDate": "2023-10-20",
             "indicatorValues": [{"name": "Số phòng vệ sinh", "value": 5}],
             "narrative": "Đã sửa xong hai phòng", "evidenceCodes": ["[H1-3.4-01]", "MC.3.4.02"],
             "amountSpentToDate": 1500000}""";
    static final String REPORT = """
            {"period": "DAU_NAM", "schoolYear": "2023-2024", "summary": "Triển khai đúng tiến độ",
             "findings": "Các nội dung đang thực hiện", "recommendations": "Tiếp tục", "submittedOn": "2023-10-20"}""";

    private final Random rnd = new Random(SEED);
    private final JsonMutator mutator = new JsonMutator(rnd);

    // ------------------------------------------------------------------ request-level mutations

    /** A plan or item id for the path: usually the real one, sometimes junk. */
    String id(String real, String label, StringBuilder notes) {
        if (rnd.nextInt(7) != 0) return real;
        String junk = switch (rnd.nextInt(18)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> "no-such-plan";
            case 2 -> "..";
            case 3 -> "..%2F..%2Fetc%2Fpasswd";
            case 4 -> "%2e%2e";
            case 5 -> "x".repeat(300);
            case 6 -> "x".repeat(3000);
            case 7 -> "%FF";
            case 8 -> "%C3";
            case 9 -> "%00";
            case 10 -> "%20";
            case 11 -> URLEncoder.encode("Kế hoạch 😀", StandardCharsets.UTF_8).replace("+", "%20");
            case 12 -> "a%2Fb";
            case 13 -> real + ";jsessionid=x";
            case 14 -> "%25";
            case 15 -> "%u0041";
            case 16 -> "%7BplanId%7D";
            default -> real + "%0A";
        };
        notes.append(label).append("=junk ");
        return junk;
    }

    /**
     * Headers: usually JSON, sometimes odd Content-Type, X-User (ignored since sign-in, still sent),
     * X-Correlation-Id, Accept, Idempotency-Key. The allowed user's token is added when sent.
     */
    Map<String, String> headers(StringBuilder notes, boolean hasBody) {
        Map<String, String> h = jsonHeaders();
        if (!hasBody && rnd.nextBoolean()) h.remove("Content-Type");
        if (rnd.nextInt(6) == 0) {
            String[] types = {"text/plain", "application/xml", null, "application/json; charset=ISO-8859-1",
                    "application/json; charset=bogus-charset", "application/json;charset=UTF-16", "application/*", "*/*",
                    "application/merge-patch+json", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
                    "application/json, text/plain", "application/problem+json", "json", ";;;"};
            String t = types[rnd.nextInt(types.length)];
            notes.append("Content-Type=").append(t).append(' ');
            if (t == null) h.remove("Content-Type");
            else h.put("Content-Type", t);
        }
        if (rnd.nextInt(5) == 0) {
            String[] users = {"x".repeat(200), "x".repeat(201), "x".repeat(6000), "%FF", "%C3", "%C3%A9", "%", "%zz",
                    "%E1%BB", "Nguy%E1%BB%85n%20Th%E1%BB%8B%20Mai", "%00", "+++", "   ", "%20%20",
                    "%E1%BB%87".repeat(67), "%E1%BB%87".repeat(201), "%F0%9F%98%80", "%E2%80%AE", "Nguyễn",
                    "\u00C3\u00A9", "\u00FF\u00FE", "a\tb"};
            String u = users[rnd.nextInt(users.length)];
            notes.append("X-User ");
            h.put("X-User", u);
        }
        if (rnd.nextInt(6) == 0) {
            String[] ids = {"x".repeat(200), "x".repeat(201), "%FF", "a b", "'; drop table domain_event_entry; --",
                    "\u00C3", "corr-" + rnd.nextInt(), " ", "%F0%9F%98%80"};
            notes.append("X-Correlation-Id ");
            h.put("X-Correlation-Id", ids[rnd.nextInt(ids.length)]);
        }
        if (rnd.nextInt(10) == 0) {
            String[] accepts = {"application/xml", "text/html", "image/png", "application/problem+json", "*/*", "bogus"};
            notes.append("Accept ");
            h.put("Accept", accepts[rnd.nextInt(accepts.length)]);
        }
        if (rnd.nextInt(8) == 0) {
            String[] keys = {UUID.randomUUID().toString(), "k".repeat(201), "  ", "\u00C3-" + UUID.randomUUID(),
                    "%FF-" + UUID.randomUUID()};
            notes.append("Idempotency-Key ");
            h.put("Idempotency-Key", keys[rnd.nextInt(keys.length)]);
        }
        return h;
    }

    byte[] body(String valid, StringBuilder notes) {
        byte[] body = mutator.mutate(valid, rnd.nextInt(8) == 0);
        notes.append(String.join(", ", mutator.applied));
        return body;
    }

    /**
     * Inputs that hit a bug found by this fuzzing (see the class comment of each below; reported with their
     * reproducers). Only the invariant the bug breaks is relaxed, the others are still checked, so the
     * suite stays green until the bug is fixed; then delete the matching line.
     */
    static Known knownIssue(Attempt a) {
        String type = a.headers().getOrDefault("Content-Type", "");
        String path = a.path();
        String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String body = a.body() == null ? "" : new String(a.body(), StandardCharsets.UTF_8);
        JsonNode tree = null;
        try {
            tree = a.body() == null || type.startsWith("multipart/") ? null : JSON.readTree(a.body());
        } catch (Exception | StackOverflowError notJson) {
            // damaged on purpose
        }
        Known known = null;
        // NOT OURS: Tomcat refuses some request targets before Spring sees them (%00, encoded '/' or '\\',
        // invalid UTF-8 such as %C3 or %FF, %u0041, a raw tab in a header...) with its own text/html 400 page.
        if (tomcatRefuses(route) || path.length() > 7000
                || a.headers().values().stream().anyMatch(v -> v.length() > 6000 || v.contains("\t"))) {
            known = Known.merge(known, new Known("Tomcat's own 400 page (not problem+json)", false, true, false, false));
        }
        return known;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static boolean anyElement(JsonNode array, Predicate<JsonNode> test) {
        if (array == null || !array.isArray()) return false;
        for (JsonNode e : array) if (test.test(e)) return true;
        return false;
    }

    /** The request path has a percent-escape Tomcat will not decode: NUL, '/', '\\', not UTF-8, or malformed. */
    static boolean tomcatRefuses(String route) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < route.length(); i++) {
            char c = route.charAt(i);
            if (c == '%') {
                if (i + 2 >= route.length()) return true;
                int value;
                try {
                    value = Integer.parseInt(route.substring(i + 1, i + 3), 16);
                } catch (NumberFormatException e) {
                    return true;
                }
                if (value == 0 || value == '/' || value == '\\' || value == '\n' || value == '\r') return true;
                bytes.write(value);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return false;
        } catch (java.nio.charset.CharacterCodingException e) {
            return true;
        }
    }

    /** Ids of plans the create property reuses on purpose (BUG 4). */
    static final java.util.Set<String> EXISTING_PLAN_IDS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static Predicate<Answer> hasId = a -> a.body() != null && !a.body().path("id").asText("").isBlank();

    // ------------------------------------------------------------------ properties

    @Test
    void createPlan() throws Exception {
        Tally tally = new Tally("POST /api/plans");
        String existing = newPlan();
        EXISTING_PLAN_IDS.add(existing);
        for (int i = 0; i < tries(500); i++) {
            StringBuilder notes = new StringBuilder();
            String valid = rnd.nextInt(10) == 0 ? PLAN.replaceFirst("\\{", "{\"planId\": \"" + existing + "\", ") : PLAN;
            byte[] body = body(valid, notes);
            Attempt a = new Attempt(notes.toString(), "POST", "/api/plans", headers(notes, true), body);
            Answer r = check(tally, a, x -> 1, x -> x.status() == 201 && hasId.test(x) && planReadable(x.body().get("id").asText()),
                    knownIssue(a));
        }
        tally.finish();
    }

    @Test
    void addItem() throws Exception {
        Tally tally = new Tally("POST /api/plans/{id}/items");
        String draft = newPlan();
        String approved = newPlan();
        newItem(approved);
        approve(approved);
        for (int i = 0; i < tries(400); i++) {
            if (i % 100 == 99) draft = newPlan();
            StringBuilder notes = new StringBuilder();
            boolean amend = rnd.nextInt(4) == 0;
            String valid = amend ? ITEM.replaceFirst("\\{", "{\"amendmentReason\": \"Bổ sung theo góp ý\", ") : ITEM;
            String plan = id(amend ? approved : draft, "planId", notes);
            byte[] body = body(valid, notes);
            Attempt a = new Attempt(notes.toString(), "POST", "/api/plans/" + plan + "/items", headers(notes, true), body);
            check(tally, a, x -> 1, x -> x.status() == 201 && hasId.test(x), knownIssue(a));
        }
        tally.finish();
    }

    @Test
    void updateItem() throws Exception {
        Tally tally = new Tally("PUT /api/plans/{id}/items/{itemId}");
        String plan = newPlan();
        String item = newItem(plan);
        for (int i = 0; i < tries(400); i++) {
            if (i % 100 == 99) {
                plan = newPlan();
                item = newItem(plan);
            }
            StringBuilder notes = new StringBuilder();
            String p = id(plan, "planId", notes);
            String it = id(item, "itemId", notes);
            byte[] body = body(ITEM, notes);
            Attempt a = new Attempt(notes.toString(), "PUT", "/api/plans/" + p + "/items/" + it, headers(notes, true), body);
            String expectedId = item;
            check(tally, a, x -> 1, x -> x.status() == 200 && x.body() != null && x.body().path("id").asText().equals(expectedId),
                    knownIssue(a));
        }
        tally.finish();
    }

    @Test
    void removeItem() throws Exception {
        Tally tally = new Tally("DELETE /api/plans/{id}/items/{itemId}");
        String draft = newPlan();
        String approved = newPlan();
        String draftItem = newItem(draft);
        String approvedItem = newItem(approved);
        newItem(approved);
        approve(approved);
        for (int i = 0; i < tries(300); i++) {
            StringBuilder notes = new StringBuilder();
            boolean onApproved = rnd.nextInt(3) == 0;
            String p = id(onApproved ? approved : draft, "planId", notes);
            String it = id(onApproved ? approvedItem : draftItem, "itemId", notes);
            String query = switch (rnd.nextInt(12)) {
                case 0, 1, 2 -> "";
                case 3 -> "?reason=";
                case 4 -> "?reason=" + "x".repeat(2000);
                case 5 -> "?reason=" + "x".repeat(7000);
                case 6 -> "?reason=%00";
                case 7 -> "?reason=%FF%C3";
                case 8 -> "?reason=%";
                case 9 -> "?reason=a&reason=b";
                case 10 -> "?reason=" + URLEncoder.encode("\uD83D\uDE00 lý do ‮", StandardCharsets.UTF_8);
                default -> "?reason=" + URLEncoder.encode("Thay đổi theo góp ý của Hội đồng", StandardCharsets.UTF_8);
            };
            notes.append(" query=").append(query.length() > 40 ? query.substring(0, 40) + "…" : query);
            Map<String, String> h = headers(notes, false);
            byte[] body = rnd.nextInt(10) == 0 ? JsonMutator.nested(5000).getBytes(StandardCharsets.UTF_8) : null;
            Attempt a = new Attempt(notes.toString(), "DELETE", "/api/plans/" + p + "/items/" + it + query, h, body);
            Answer r = check(tally, a, x -> 1, x -> x.status() == 204, knownIssue(a));
            if (r != null && r.status() == 204) {
                // The item is gone: the next tries need one to remove again.
                if (onApproved) approvedItem = newItemAmending(approved);
                else draftItem = newItem(draft);
            }
        }
        tally.finish();
    }

    private String newItemAmending(String planId) throws Exception {
        return postJson("/api/plans/" + planId + "/items",
                ITEM.replaceFirst("\\{", "{\"amendmentReason\": \"Bổ sung\", ")).get("id").asText();
    }

    @Test
    void approvePlan() throws Exception {
        Tally tally = new Tally("POST /api/plans/{id}/approve");
        String plan = newPlan();
        newItem(plan);
        for (int i = 0; i < tries(300); i++) {
            StringBuilder notes = new StringBuilder();
            String p = id(plan, "planId", notes);
            byte[] body = rnd.nextInt(10) == 0 ? null : body(APPROVE, notes);
            if (body == null) notes.append("no body");
            Attempt a = new Attempt(notes.toString(), "POST", "/api/plans/" + p + "/approve", headers(notes, body != null), body);
            Answer r = check(tally, a, x -> 1, x -> x.status() == 200 && "APPROVED".equals(x.body().path("status").asText()),
                    knownIssue(a));
            if (r != null && r.status() == 200 || i % 60 == 59) {
                plan = newPlan();
                if (rnd.nextInt(5) != 0) newItem(plan);
            }
        }
        tally.finish();
    }

    @Test
    void recordProgress() throws Exception {
        Tally tally = new Tally("POST /api/plans/{id}/items/{itemId}/progress");
        String plan = null;
        String item = null;
        for (int i = 0; i < tries(400); i++) {
            if (i % 100 == 0) {
                plan = newPlan();
                item = newItem(plan);
                approve(plan);
            }
            StringBuilder notes = new StringBuilder();
            String p = id(plan, "planId", notes);
            String it = id(item, "itemId", notes);
            String valid = PROGRESS.replace("2023-10-20", LocalDate.of(2023, 9, 1).plusDays(rnd.nextInt(600)).toString());
            byte[] body = body(valid, notes);
            Attempt a = new Attempt(notes.toString(), "POST", "/api/plans/" + p + "/items/" + it + "/progress",
                    headers(notes, true), body);
            check(tally, a, x -> 1, x -> x.status() == 201 && hasId.test(x), knownIssue(a));
        }
        tally.finish();
    }

    @Test
    void submitReport() throws Exception {
        Tally tally = new Tally("POST /api/plans/{id}/reports");
        String plan = null;
        String[] periods = {"DAU_NAM", "CUOI_HK1", "CUOI_NAM"};
        for (int i = 0; i < tries(400); i++) {
            if (i % 50 == 0) {
                plan = newPlan();
                newItem(plan);
                approve(plan);
            }
            StringBuilder notes = new StringBuilder();
            String p = id(plan, "planId", notes);
            String valid = REPORT.replace("DAU_NAM", periods[rnd.nextInt(3)]);
            if (rnd.nextInt(3) == 0) valid = valid.replaceFirst("\\{", "{\"correction\": true, \"correctionReason\": \"Sai số liệu\", ");
            byte[] body = body(valid, notes);
            Attempt a = new Attempt(notes.toString(), "POST", "/api/plans/" + p + "/reports", headers(notes, true), body);
            check(tally, a, x -> 1, x -> x.status() == 201 && x.body() != null && x.body().path("revision").asInt() >= 1,
                    knownIssue(a));
        }
        tally.finish();
    }

    private boolean planReadable(String id) {
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(uri("/api/plans/" + URLEncoder.encode(id, StandardCharsets.UTF_8)))
                    .header("Authorization", tokenFor("/api/plans", FUZZ_SCHOOL)).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
