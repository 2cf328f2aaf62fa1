package vn.caitien.planservice.fuzz;

import org.junit.jupiter.api.Test;
import vn.caitien.planservice.Tokens;
import vn.caitien.infra.tokens.StandInIssuer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every endpoint (commands, reads, import, verify, admin metrics) with an {@code Authorization} header
 * the service must not accept: none, garbage, other schemes, malformed or truncated JWTs, tokens that
 * expired, were signed by another key, name another issuer, claim {@code alg: none} or HS256 keyed with
 * the public key, or were edited after signing. Always 401 problem+json in Vietnamese with
 * {@code WWW-Authenticate: Bearer…}, never 5xx, and nothing stored.
 */
class AuthorizationFuzzTest extends FuzzSupport {
    private final Random rnd = new Random(SEED ^ 0xA17);

    record Endpoint(String method, String path, String body) {
    }

    List<Endpoint> endpoints(String plan, String item) {
        String p = "/api/plans/" + plan;
        return List.of(new Endpoint("POST", "/api/plans", PLAN), new Endpoint("GET", "/api/plans", null),
                new Endpoint("GET", p, null), new Endpoint("POST", p + "/items", ITEM),
                new Endpoint("PUT", p + "/items/" + item, ITEM), new Endpoint("DELETE", p + "/items/" + item, null),
                new Endpoint("POST", p + "/approve", CommandFuzzTest.APPROVE),
                new Endpoint("POST", p + "/items/" + item + "/progress", CommandFuzzTest.PROGRESS),
                new Endpoint("POST", p + "/reports", CommandFuzzTest.REPORT), new Endpoint("GET", p + "/verify", null),
                new Endpoint("GET", p + "/export.docx", null), new Endpoint("GET", p + "/export.xlsx", null),
                new Endpoint("POST", "/api/plans/import?dryRun=true", "{}"), new Endpoint("GET", "/actuator/metrics", null),
                new Endpoint("GET", "/api/khong-co", null));
    }

    /** A header value the service must refuse, and what it is. */
    String[] badAuthorization() throws Exception {
        StandInIssuer issuer = Tokens.issuer();
        Map<String, Object> claims = Map.of("name", "Lưu Thuận Phong", "title", "Hiệu trưởng",
                "roles", List.of("PRINCIPAL", "MONITOR", "ADMIN"), "school_code", FUZZ_SCHOOL);
        String valid = issuer.token("ht-" + FUZZ_SCHOOL, claims);
        String[] parts = valid.split("\\.");
        return switch (rnd.nextInt(17)) {
            case 0 -> new String[]{"none", NO_AUTHORIZATION};
            case 1 -> new String[]{"empty bearer", "Bearer "};
            case 2 -> new String[]{"scheme only", "Bearer"};
            case 3 -> new String[]{"basic", "Basic " + b64("ht-" + FUZZ_SCHOOL + ":matkhau")};
            case 4 -> new String[]{"garbage", "Bearer " + garbage(1 + rnd.nextInt(400))};
            case 5 -> new String[]{"three dots", "Bearer a.b.c"};
            case 6 -> new String[]{"expired", "Bearer " + issuer.expiredToken("ht-" + FUZZ_SCHOOL, claims)};
            case 7 -> new String[]{"foreign key", "Bearer " + issuer.tokenSignedByAnotherKey("ht-" + FUZZ_SCHOOL, claims)};
            case 8 -> new String[]{"other issuer", "Bearer " + issuer.tokenFromAnotherIssuer("ht-" + FUZZ_SCHOOL, claims)};
            case 9 -> new String[]{"alg none", "Bearer " + b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "."};
            case 10 -> new String[]{"HS256 keyed with the public key", "Bearer " + hs256(parts[1])};
            case 11 -> new String[]{"payload edited after signing", "Bearer " + parts[0] + "."
                    + b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace(FUZZ_SCHOOL, "79000701")) + "." + parts[2]};
            case 12 -> new String[]{"signature flipped", "Bearer " + parts[0] + "." + parts[1] + "."
                    + flip(parts[2])};
            case 13 -> new String[]{"truncated", "Bearer " + valid.substring(0, rnd.nextInt(valid.length() - 1))};
            case 14 -> new String[]{"two tokens", "Bearer " + valid + " Bearer " + valid};
            case 15 -> new String[]{"not ASCII", "Bearer " + valid.substring(0, 20) + "é" + valid.substring(21)};
            default -> new String[]{"huge", "Bearer " + garbage(5000)};
        };
    }

    @Test
    void refusesEveryTokenItShouldNotAcceptWith401() throws Exception {
        Tally tally = new Tally("Authorization header on every endpoint");
        String plan = newPlan();
        String item = newItem(plan);
        List<Endpoint> endpoints = endpoints(plan, item);
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (int i = 0; i < tries(500); i++) {
            Endpoint e = endpoints.get(rnd.nextInt(endpoints.size()));
            String[] bad = badAuthorization();
            kinds.merge(bad[0], 1, Integer::sum);
            Map<String, String> headers = new LinkedHashMap<>();
            if (e.body() != null) headers.put("Content-Type", "application/json");
            headers.put("Authorization", bad[1]);
            Attempt a = new Attempt(bad[0], e.method(), e.path(), headers,
                    e.body() == null ? null : e.body().getBytes(StandardCharsets.UTF_8));
            Answer answer = check(tally, a, x -> 0, x -> false, null);
            if (answer.status() != 401) tally.fail(a, answer, "expected 401");
            if (answer.wwwAuthenticate() == null || !answer.wwwAuthenticate().startsWith("Bearer")) {
                tally.fail(a, answer, "401 without WWW-Authenticate: Bearer");
            }
        }
        System.out.println("Authorization kinds tried: " + kinds);
        tally.finish();
    }

    private String garbage(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/=";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        return s.toString();
    }

    private String flip(String signature) {
        char[] c = signature.toCharArray();
        int at = rnd.nextInt(c.length);
        c[at] = c[at] == 'A' ? 'B' : 'A';
        return new String(c);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The classic algorithm confusion: an HMAC "signed" with the issuer's published key as secret. */
    private static String hs256(String payload) throws Exception {
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String jwks = new String(new java.net.URL(Tokens.issuer().jwkSetUri()).openStream().readAllBytes(),
                StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(jwks.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
