package vn.caitien.planservice.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.caitien.documents.TestDocuments;
import vn.caitien.planservice.Tokens;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.caitien.documents.SampleDocuments.LE_DINH_CHINH;
import static vn.caitien.documents.SampleDocuments.TUOI_HONG;
import static vn.caitien.documents.SampleDocuments.sample;
import static vn.caitien.documents.TestDocuments.row;

/**
 * POST /api/plans/import over the real event store: dry runs store nothing, imports go through the
 * command path (same events, actor and correlation metadata), refused rows are skipped, a known
 * file is not imported twice unless forced. Other tests import the samples too (with force=true),
 * so nothing here assumes a file has never been imported.
 */
class ImportApiTest extends ExchangeApiSupport {
    static final String HCM_Q10 = "managingUnit=" + enc("Thành phố Hồ Chí Minh/Quận 10");
    static final List<String> LDC_CRITERIA = List.of("1.4", "1.5", "1.7", "2.4", "3.1", "3.3", "3.4", "3.5", "5.3", "5.4", "5.5");

    @Test
    void dryRunShowsTheParsedLeDinhChinhPlanAndStoresNothing() throws Exception {
        long events = events();
        long imports = jdbc.queryForObject("select count(*) from plan_import", Long.class);
        Response r = upload("KH CTCL 2023-2024.docx", sample(LE_DINH_CHINH), "dryRun=true&" + HCM_Q10);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        JsonNode body = r.body();
        assertThat(body.get("created").asBoolean()).isFalse();
        assertThat(body.get("dryRun").asBoolean()).isTrue();
        assertThat(body.has("planId")).isFalse();
        assertThat(body.get("format").asText()).isEqualTo("docx");
        JsonNode plan = body.get("plan");
        assertThat(plan.get("schoolName").asText()).isEqualTo("Trường Tiểu học Lê Đình Chinh");
        assertThat(texts(plan.get("managingUnit"))).containsExactly("Thành phố Hồ Chí Minh", "Quận 10");
        assertThat(plan.get("documentNumber").asText()).isEqualTo("107/KH-LĐC");
        assertThat(plan.get("issueDate").asText()).isEqualTo("2023-08-18");
        assertThat(plan.get("schoolYear").asText()).isEqualTo("2023-2024");
        assertThat(plan.get("frameworkId").asText()).isEqualTo("TT17-2018");
        assertThat(plan.at("/texts/placeAndDate").asText()).isEqualTo("Quận 10, ngày 18 tháng 8 năm 2023");
        JsonNode items = body.get("items");
        assertThat(items).hasSize(11);
        List<String> criteria = new ArrayList<>();
        for (JsonNode item : items) {
            criteria.add(item.get("criterionCode").asText());
            assertThat(item.get("levelGroup").asText()).isEqualTo("MỨC 1, 2, 3");
            assertThat(item.get("skipped").asBoolean()).isFalse();
            assertThat(item.has("itemId")).isFalse();
        }
        assertThat(criteria).isEqualTo(LDC_CRITERIA);
        assertThat(items.at("/2/budget/amount").asLong()).isEqualTo(3_000_000L);
        assertThat(items.at("/2/budget/perSchoolYear").asBoolean()).isTrue();
        assertThat(items.at("/2/budget/text").asText()).isEqualTo("3 triệu/NH");
        assertThat(items.at("/4/schedule/start").asText()).isEqualTo("2020-01");
        assertThat(items.at("/4/schedule/end").asText()).isEqualTo("2030-12");
        assertThat(items.at("/4/budget/fundingSource").asText()).isEqualTo("Kinh phí dự án Quận");
        assertThat(items.at("/8/budget/amount").asLong()).isEqualTo(150_000_000L);
        assertThat(items.at("/0/criterionText").asText()).isEqualTo("Tiêu chí 1.4");
        assertThat(items.at("/0/row").asInt()).isEqualTo(4);
        for (JsonNode d : body.get("diagnostics")) {
            assertThat(d.get("severity").asText()).isEqualTo("WARNING");
            assertThat(d.get("field").asText()).isNotEqualTo("school.managingUnit");
        }
        assertThat(events()).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from plan_import", Long.class)).isEqualTo(imports);
    }

    @Test
    void importsLeDinhChinhThroughTheCommandPathAndApprovesIt() throws Exception {
        long before = events();
        Response r = upload("le-dinh-chinh.docx", sample(LE_DINH_CHINH), HCM_Q10 + "&approve=true&force=true",
                Tokens.principal(Tokens.LDC));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        String planId = r.body().get("planId").asText();
        assertThat(r.location()).isEqualTo("/api/plans/" + planId);
        assertThat(r.body().get("created").asBoolean()).isTrue();
        for (JsonNode item : r.body().get("items")) assertThat(item.get("itemId").asText()).isNotBlank();

        JsonNode plan = get("/api/plans/" + planId).body();
        assertThat(plan.get("status").asText()).isEqualTo("APPROVED");
        assertThat(plan.get("approvedBy").asText()).isEqualTo("Lưu Thuận Phong");
        assertThat(plan.get("approvedOn").asText()).isEqualTo("2023-08-18");
        assertThat(plan.get("documentNumber").asText()).isEqualTo("107/KH-LĐC");
        assertThat(plan.at("/school/type").asText()).isEqualTo("TIEU_HOC");
        assertThat(plan.at("/school/code").asText()).isEqualTo(Tokens.LDC);
        assertThat(texts(plan.at("/school/managingUnit"))).containsExactly("Thành phố Hồ Chí Minh", "Quận 10");
        assertThat(plan.get("legalBases")).hasSize(4);
        JsonNode items = plan.get("items");
        List<String> criteria = new ArrayList<>();
        for (JsonNode item : items) criteria.add(item.at("/details/criterionCode").asText());
        assertThat(criteria).isEqualTo(LDC_CRITERIA);
        assertThat(items.at("/2/details/budget/amount").asLong()).isEqualTo(3_000_000L);
        assertThat(items.at("/2/details/budget/perSchoolYear").asBoolean()).isTrue();
        assertThat(items.at("/1/details/lead").asText()).isEqualTo("Hiệu trưởng");
        assertThat(texts(items.at("/1/details/coordinators"))).containsExactly("Phó hiệu trưởng", "GVCN");
        assertThat(items.at("/6/details/schedule/text").asText()).isEqualTo("Từ năm 2020 đến 2030");
        assertThat(items.at("/0/itemId").asText()).isEqualTo(r.body().at("/items/0/itemId").asText());

        // The same events as typed entry: created, 11 items, approved; each stamped with the caller and one correlation.
        assertThat(events() - before).isEqualTo(13);
        List<byte[]> metadata = jdbc.queryForList("select meta_data from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", byte[].class, planId);
        assertThat(metadata).hasSize(13);
        Set<String> correlations = new HashSet<>();
        for (byte[] m : metadata) {
            JsonNode meta = json.readTree(m);
            assertThat(meta.get("actor").asText()).isEqualTo("Hiệu trưởng - Lưu Thuận Phong");
            assertThat(meta.get("actorId").asText()).isEqualTo("ht-" + Tokens.LDC);
            correlations.add(meta.get("correlationId").asText());
        }
        assertThat(correlations).hasSize(1);
        assertThat(jdbc.queryForObject("select content_hash from plan_import where plan_id = ?", String.class, planId))
                .isEqualTo(ImportRegistry.sha256(sample(LE_DINH_CHINH)));
    }

    @Test
    void importsTuoiHongWithItsWarningsAndTheGivenDocumentNumber() throws Exception {
        Response preview = upload("tuoi-hong.docx", sample(TUOI_HONG), "dryRun=true");
        assertThat(preview.body().at("/plan/documentNumber").asText()).isEqualTo("(chưa ghi số)");
        assertThat(fields(preview.body())).contains("documentNumber", "issueDate");
        // The managing unit is the uploader's account's, whatever the document prints (or does not).
        assertThat(texts(preview.body().at("/plan/managingUnit"))).containsExactly("Thành phố Hồ Chí Minh", "Quận 10");

        Response r = upload("tuoi-hong.docx", sample(TUOI_HONG), "force=true&documentNumber=" + enc("45/KH-MNTH"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        assertThat(fields(r.body())).doesNotContain("documentNumber");
        JsonNode late = null;
        for (JsonNode d : r.body().get("diagnostics")) {
            assertThat(d.get("severity").asText()).isEqualTo("WARNING");
            if (d.get("field").asText().equals("schedule")) late = d;
        }
        assertThat(late).isNotNull();
        assertThat(late.get("row").asInt()).isEqualTo(5);
        assertThat(late.get("column").asInt()).isEqualTo(6);
        assertThat(late.get("message").asText()).contains("Tháng 10/2022").contains("nằm ngoài năm học 2021-2022");

        JsonNode plan = get("/api/plans/" + r.body().get("planId").asText()).body();
        assertThat(plan.get("status").asText()).isEqualTo("DRAFT");
        assertThat(plan.get("documentNumber").asText()).isEqualTo("45/KH-MNTH");
        assertThat(plan.get("frameworkId").asText()).isEqualTo("TT19-2018");
        assertThat(plan.get("schoolYear").asText()).isEqualTo("2021-2022");
        assertThat(plan.at("/school/name").asText()).isEqualTo("Trường Mầm non Tuổi Hồng");
        assertThat(plan.at("/school/type").asText()).isEqualTo("MAM_NON");
        assertThat(plan.has("issueDate")).isFalse();
        JsonNode items = plan.get("items");
        List<String> groups = new ArrayList<>();
        for (JsonNode item : items) groups.add(item.at("/details/criterionCode").asText() + " " + item.at("/details/levelGroup").asText());
        assertThat(groups).containsExactly("1.1 MỨC 2", "1.4 MỨC 2", "3.5 MỨC 1", "3.6 MỨC 1", "4.2 MỨC 3", "5.1 MỨC 2");
        assertThat(items.at("/3/details/budget/amount").asLong()).isEqualTo(494_510_000L);
        assertThat(items.at("/3/details/budget/note").asText()).isEqualTo("Công tác sữa chữa điểm 329-331 Phạm Ngũ Lão");
        assertThat(items.at("/0/details/schedule/start").asText()).isEqualTo("2021-09");
        assertThat(items.at("/0/details/schedule/end").asText()).isEqualTo("2022-05");
    }

    @Test
    void refusesImportingTheSameFileTwiceUnlessForced() throws Exception {
        byte[] file = sample(TUOI_HONG);
        String first = upload("a.docx", file, "force=true").body().get("planId").asText();
        List<String> fromThisFile = jdbc.queryForList("select plan_id from plan_import where content_hash = ?",
                String.class, ImportRegistry.sha256(file));
        assertThat(fromThisFile).contains(first);
        long before = events();

        Response again = upload("a-copy.docx", file, "");
        assertProblem(again, 409, "file");
        String existing = again.body().get("existingPlanId").asText();
        assertThat(fromThisFile).contains(existing);
        assertThat(again.body().get("detail").asText()).contains(existing).contains("force=true");
        assertThat(events()).isEqualTo(before);

        Response preview = upload("a-copy.docx", file, "dryRun=true");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().get("existingPlanId").asText()).isEqualTo(existing);
        assertThat(fields(preview.body())).contains("file");

        Response forced = upload("a-copy.docx", file, "force=true");
        assertThat(forced.status()).isEqualTo(201);
        assertThat(forced.body().get("planId").asText()).isNotEqualTo(first);
        assertThat(forced.body().get("existingPlanId").asText()).isEqualTo(existing);
    }

    /** A school learns nothing of another school's plans: not that its file was imported, nor the plan's id. */
    @Test
    void anotherSchoolsPlanFromTheSameFileIsNeverNamed() throws Exception {
        byte[] file = sample(LE_DINH_CHINH);
        Response ldc = upload("ldc.docx", file, HCM_Q10 + "&force=true", Tokens.principal(Tokens.LDC));
        assertThat(ldc.status()).as(ldc.body().toString()).isEqualTo(201);
        List<String> ldcPlans = jdbc.queryForList("select plan_id from plan_import where content_hash = ?", String.class,
                ImportRegistry.sha256(file));
        assertThat(ldcPlans).contains(ldc.body().get("planId").asText());

        Response preview = upload("ldc.docx", file, "dryRun=true", Tokens.principal(Tokens.TUOI_HONG));
        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        assertThat(preview.body().has("existingPlanId")).isFalse();
        assertThat(fields(preview.body())).doesNotContain("file");
        Response imported = upload("ldc.docx", file, "", Tokens.principal(Tokens.TUOI_HONG));
        assertThat(imported.status()).as(imported.body().toString()).isNotEqualTo(409);
        for (String id : ldcPlans) {
            assertThat(new String(preview.bytes(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(id);
            assertThat(new String(imported.bytes(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(id);
        }
        // The school that imported it is still told.
        Response own = upload("ldc.docx", file, "dryRun=true", Tokens.principal(Tokens.LDC));
        assertThat(ldcPlans).contains(own.body().get("existingPlanId").asText());
    }

    @Test
    void skipsOnlyTheRowsThePlanWouldRefuse() throws Exception {
        byte[] docx = TestDocuments.primaryPlan(List.of(
                row("<span=9>MỨC 1, 2, 3"),
                row("1", "<span=8>Tiêu chuẩn 1: Tổ chức và quản lý nhà trường"),
                row("", "Tiêu chí 1.1", "Có chiến lược", "Xây dựng chiến lược", "Hiệu trưởng", "Năm học 2023-2024", "", "", ""),
                row("", "Tiêu chí 1.2", "", "Kiện toàn hội đồng", "Hiệu trưởng", "Năm học 2023-2024", "", "", ""),
                row("", "Tiêu chí 5.6", "Kết quả", "Việc", "Hiệu trưởng", "Năm học 2023-2024", "", "", "")));
        Response r = upload("thu-nghiem.docx", docx, "force=true");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        JsonNode items = r.body().get("items");
        assertThat(items).hasSize(3);
        assertThat(items.at("/0/skipped").asBoolean()).isFalse();
        assertThat(items.at("/1/skipped").asBoolean()).isTrue();
        assertThat(items.at("/2/skipped").asBoolean()).isTrue();
        assertThat(items.at("/1/itemId").isMissingNode() || items.at("/1/itemId").isNull()).isTrue();
        List<String> errors = new ArrayList<>();
        for (JsonNode d : r.body().get("diagnostics")) {
            if (d.get("severity").asText().equals("ERROR")) {
                errors.add(d.get("row").asInt() + ":" + d.get("column").asInt() + ":" + d.get("field").asText());
            }
        }
        assertThat(errors).containsExactlyInAnyOrder("5:3:targetResult", "6:2:criterionCode");
        assertThat(get("/api/plans/" + r.body().get("planId").asText()).body().get("items")).hasSize(1);
    }

    @Test
    void refusesAPlanItCannotCreateAndStoresNothing() throws Exception {
        byte[] docx = TestDocuments.docx(List.of("TRƯỜNG TIỂU HỌC KHÔNG NĂM", "KẾ HOẠCH"),
                TestDocuments.withHeader(List.of(row("", "Tiêu chí 1.1", "Kết quả", "Việc", "Hiệu trưởng", "Tháng 9/2023",
                        "", "", ""))), List.of());
        long before = events();
        Response r = upload("khong-nam.docx", docx, "");
        assertProblem(r, 422, "schoolYear");
        assertThat(r.body().get("diagnostics")).isNotEmpty();
        assertThat(events()).isEqualTo(before);
        Response preview = upload("khong-nam.docx", docx, "dryRun=true");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(fields(preview.body())).contains("schoolYear");
        assertThat(upload("khong-nam.docx", docx, "schoolYear=2023-2024&force=true").status()).isEqualTo(201);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> fields(JsonNode response) {
        List<String> fields = new ArrayList<>();
        response.get("diagnostics").forEach(d -> fields.add(d.get("field").asText()));
        return fields;
    }
}
