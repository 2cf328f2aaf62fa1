package vn.caitien.planservice.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.caitien.documents.hostile.HostileFiles;
import vn.caitien.planservice.Api;
import vn.caitien.planservice.ApiTestSupport;
import vn.caitien.planservice.Tokens;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Word and Excel files built to exhaust the importer (each took plan-service down before: out of memory
 * or a stack overflow, a 500 after tens of seconds) are refused from a streaming measure of the file,
 * before any document model is built: 413 (more than a plan holds) or 422 (too deep) problem+json in
 * Vietnamese with the row and column where the limit was passed, nothing stored, the heap untouched and
 * the service still importing. Each probe prints what it cost the heap.
 */
class HostileImportApiTest extends ApiTestSupport {
    static final long MB = 1024 * 1024;
    static final long HEAP_BUDGET = 48 * MB;
    static final String DRY_RUN = "/api/plans/import?dryRun=true&managingUnit="
            + URLEncoder.encode("Thành phố Hồ Chí Minh/Quận 10", StandardCharsets.UTF_8);
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    static byte[] sample() throws IOException {
        try (InputStream in = HostileImportApiTest.class.getResourceAsStream("/exchange/le-dinh-chinh-2023-2024.docx")) {
            return in.readAllBytes();
        }
    }

    @Test
    void anExportedPlanWithAThousandLargeMergedRegionsIsRefusedAtTheFirstOneOutsideThePlan() throws Exception {
        Api api = new Api(port);
        String principal = Tokens.principal(Tokens.LDC);
        Api.Response imported = api.upload("/api/plans/import?force=true&managingUnit="
                + URLEncoder.encode("Thành phố Hồ Chí Minh/Quận 10", StandardCharsets.UTF_8), "ldc.docx", sample(), principal);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        byte[] exported = api.get("/api/plans/" + imported.body().get("planId").asText() + "/export.xlsx", principal).raw().body();
        byte[] hostile = HostileFiles.withMergedRegions(exported, 1_000);
        assertThat(hostile.length).isLessThan(40 * 1024);

        JsonNode diagnostic = refused("1,000 merged regions in an exported .xlsx (" + hostile.length / 1024 + " KB)",
                api, "merged.xlsx", hostile, 413, "import-over-limit");
        assertThat(diagnostic.get("row").asInt()).isEqualTo(40);
        assertThat(diagnostic.get("column").asInt()).isEqualTo(1);
        assertThat(diagnostic.get("message").asText()).contains("A40:CV139").contains("50 cột");
        // The export itself is still a plan the service reads.
        assertThat(api.upload(DRY_RUN, "exported.xlsx", exported, principal).status()).isEqualTo(200);
    }

    @Test
    void aWordPlanWithFiveThousandRowsIsRefusedAtRowOneThousandAndOne() throws Exception {
        byte[] hostile = HostileFiles.docxWithTableRows(5_000);
        JsonNode diagnostic = refused("5,000-row .docx (" + hostile.length / 1024 + " KB)", new Api(port), "rows.docx",
                hostile, 413, "import-over-limit");
        assertThat(diagnostic.get("row").asInt()).isEqualTo(1_001);
        assertThat(diagnostic.get("message").asText()).contains("1000 dòng bảng");
    }

    @Test
    void anExcelSheetWithAMillionEmptyRowsIsRefusedAtRowOneThousandAndOne() throws Exception {
        byte[] hostile = HostileFiles.xlsxWithEmptyRows(1_000_000);
        JsonNode diagnostic = refused("1,000,000 empty rows .xlsx (" + hostile.length / 1024 + " KB)", new Api(port),
                "rows.xlsx", hostile, 413, "import-over-limit");
        assertThat(diagnostic.get("row").asInt()).isEqualTo(1_001);
        assertThat(diagnostic.get("message").asText()).contains("1000 dòng");
    }

    @Test
    void tablesNestedAThousandDeepAreRefusedWithoutWalkingThem() throws Exception {
        byte[] hostile = HostileFiles.docxWithNestedTables(1_000);
        JsonNode diagnostic = refused("tables nested 1,000 deep .docx (" + hostile.length / 1024 + " KB)", new Api(port),
                "nested.docx", hostile, 422, "import-too-complex");
        assertThat(diagnostic.get("row").asInt()).isEqualTo(1);
        assertThat(diagnostic.get("column").asInt()).isEqualTo(1);
        assertThat(diagnostic.get("message").asText()).contains("lồng").contains("3 tầng");
    }

    /** Sends the file for a dry run and checks the refusal; returns its one diagnostic. */
    @Test
    void aFileWithMoreRowsThanAPlanMayHaveIsRefusedBeforeAnyRowIsStored() throws Exception {
        Api api = new Api(port);
        String principal = Tokens.principal(Tokens.LDC);
        byte[] file = HostileFiles.docxWithTableRows(201);
        long events = count("domain_event_entry");
        Api.Response dryRun = api.upload(DRY_RUN, "rows.docx", file, principal);
        assertThat(dryRun.status()).as(dryRun.body().toString()).isEqualTo(200);
        assertThat(dryRun.body().toString()).contains("vượt giới hạn 200 dòng");
        Api.Response imported = api.upload(DRY_RUN.replace("dryRun=true", "dryRun=false"), "rows.docx", file, principal);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(422);
        assertThat(count("domain_event_entry")).isEqualTo(events);
    }

    private JsonNode refused(String probe, Api api, String name, byte[] file, int status, String type) throws Exception {
        long events = count("domain_event_entry");
        long imports = count("plan_import");
        Api.Response[] answer = new Api.Response[1];
        long started = System.nanoTime();
        HeapProbe heap = HeapProbe.measure(probe, () -> answer[0] = api.upload(DRY_RUN, name, file, Tokens.principal(Tokens.LDC)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("TIME " + probe + ": answered " + answer[0].status() + " in " + millis + " ms");
        JsonNode body = answer[0].body();
        assertThat(answer[0].status()).as(body.toString()).isEqualTo(status);
        assertThat(answer[0].isProblem()).isTrue();
        assertThat(body.path("type").asText()).endsWith("/" + type);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(body.path("detail").asText()).doesNotContain("Exception").doesNotContain("org.");
        assertThat(body.get("diagnostics")).hasSize(1);
        JsonNode diagnostic = body.get("diagnostics").get(0);
        assertThat(diagnostic.get("severity").asText()).isEqualTo("ERROR");
        assertThat(diagnostic.get("message").asText()).isEqualTo(body.path("detail").asText());
        assertThat(heap.cost()).isLessThan(HEAP_BUDGET);
        assertThat(millis).isLessThan(10_000);
        assertThat(count("domain_event_entry")).isEqualTo(events);
        assertThat(count("plan_import")).isEqualTo(imports);
        Api.Response after = api.upload(DRY_RUN, "ldc.docx", sample(), Tokens.principal(Tokens.LDC));
        assertThat(after.status()).as("the service still reads a real plan").isEqualTo(200);
        return diagnostic;
    }

    private long count(String table) { return jdbc.queryForObject("select count(*) from " + table, Long.class); }
}
