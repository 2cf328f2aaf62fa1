package vn.caitien.planservice.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.caitien.infra.demo.DemoData;
import vn.caitien.infra.login.DemoUsers;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.Tokens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented staff account of Tuổi Hồng ({@code giaovien.tuoihong}, with its claims from the demo accounts
 * file) records progress on the rows of the real demo plan whose "Chủ trì" it is, imported from the school's
 * own Word document as the demo does, and on no other row.
 */
class DemoStaffProgressTest extends ApiTestSupport {
    private static final String PROGRESS = "{\"status\": \"DANG_THUC_HIEN\", \"percent\": 30, \"effectiveDate\": \"2021-10-20\"}";

    @LocalServerPort
    int port;

    @Test
    void theTuoiHongTeacherRecordsOnTheRowsSheLeadsAndOnlyThere() throws Exception {
        Api api = new Api(port);
        DemoData demo = DemoData.load(DemoData.TUOI_HONG);
        DemoUsers.User teacher = DemoUsers.load().byUsername("giaovien.tuoihong").orElseThrow();
        DemoUsers.User principalAccount = DemoUsers.load().byActor(demo.plan().actor()).orElseThrow();
        String principal = "Bearer " + Tokens.issuer().token(principalAccount.username(), principalAccount.claims());
        String staff = "Bearer " + Tokens.issuer().token(teacher.username(), teacher.claims());

        Api.Response imported = api.upload("/api/plans/import?force=true&documentNumber="
                + URLEncoder.encode(demo.documentNumber(), StandardCharsets.UTF_8), demo.docx(), demo.docxBytes(), principal);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        String plan = imported.body().get("planId").asText();
        assertThat(api.send("POST", "/api/plans/" + plan + "/approve", "{\"approvedOn\": \"2021-08-15\"}", principal).status())
                .isEqualTo(200);

        Map<String, String> leadByItem = new LinkedHashMap<>();
        for (JsonNode item : api.get("/api/plans/" + plan, principal).body().get("items")) {
            leadByItem.put(item.get("itemId").asText(), item.at("/details/lead").asText());
        }
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> item : leadByItem.entrySet()) {
            Api.Response r = api.send("POST", "/api/plans/" + plan + "/items/" + item.getKey() + "/progress", PROGRESS, staff);
            answers.put(item.getValue(), r.status());
        }
        // Row 1.1, "CB-GV-NV-CMHS trường": everyone of the school leads it (read as Chủ trì "CB", GV, NV, CMHS with it).
        assertThat(answers).as("lead → answer").containsEntry("CB", 201);
        assertThat(answers.values().stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(answers).allSatisfy((lead, status) -> assertThat(status).as(lead).isIn(201, 403));
    }
}
