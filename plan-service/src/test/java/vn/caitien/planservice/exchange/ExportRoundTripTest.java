package vn.caitien.planservice.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.caitien.documents.SampleDocuments.LE_DINH_CHINH;
import static vn.caitien.documents.SampleDocuments.TUOI_HONG;
import static vn.caitien.documents.SampleDocuments.sample;

/**
 * GET /api/plans/{id}/export.docx|.xlsx, and the round trip: importing an exported file gives back
 * the same plan (header values, and every item's criterion, level group, target, tasks, lead,
 * coordinators, schedule and budget with their texts).
 */
class ExportRoundTripTest extends ExchangeApiSupport {
    static final List<String> HEADER = List.of("school", "schoolName", "documentNumber", "schoolYear", "frameworkId",
            "issueDate", "issuePlace", "legalBases", "status", "approvedBy", "approvedOn");

    @Test
    void roundTripsLeDinhChinhThroughWordAndExcel() throws Exception {
        Response imported = upload("ldc.docx", sample(LE_DINH_CHINH),
                "force=true&approve=true&managingUnit=" + enc("Thành phố Hồ Chí Minh/Quận 10"));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        roundTrip(imported.body().get("planId").asText(), "approve=true");
    }

    @Test
    void roundTripsTuoiHongThroughWordAndExcel() throws Exception {
        Response imported = upload("th.docx", sample(TUOI_HONG), "force=true&documentNumber=" + enc("45/KH-MNTH"));
        assertThat(imported.status()).isEqualTo(201);
        roundTrip(imported.body().get("planId").asText(), "");
    }

    @Test
    void exportsInTheSourceLayoutWithAFileName() throws Exception {
        String id = upload("th.docx", sample(TUOI_HONG), "force=true").body().get("planId").asText();
        Response docx = get("/api/plans/" + id + "/export.docx");
        assertThat(docx.status()).isEqualTo(200);
        assertThat(docx.contentType()).isEqualTo(ExportController.DOCX.toString());
        assertThat(docx.disposition()).isEqualTo("attachment; filename=\"ke-hoach-truong-mam-non-tuoi-hong-2021-2022.docx\"");
        Response xlsx = get("/api/plans/" + id + "/export.xlsx");
        assertThat(xlsx.contentType()).isEqualTo(ExportController.XLSX.toString());
        var parsed = vn.caitien.documents.read.DocumentReader.read(docx.bytes());
        assertThat(parsed.before()).contains("TRƯỜNG MẦM NON TUỔI HỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH",
                "Năm học 2021 - 2022", "Số: (chưa ghi số)");
        assertThat(parsed.after()).contains("Nơi nhận:", "HIỆU TRƯỞNG");
        assertThat(parsed.table().rows().get(1).cell(0).text()).isEqualTo("MỨC 2");
        assertThat(parsed.table().rows().get(2).cell(1).text()).isEqualTo("Tiêu chuẩn 1: Tổ chức và quản lý nhà trường");
        assertThat(parsed.table().rows().get(3).cell(1).text())
                .isEqualTo("Tiêu chí 1.1: Phương hướng, chiến lược xây dựng và phát triển nhà trường");
        assertProblem(get("/api/plans/khong-co/export.docx"), 404, "planId");
    }

    private void roundTrip(String planId, String query) throws Exception {
        JsonNode original = get("/api/plans/" + planId).body();
        for (String format : List.of("docx", "xlsx")) {
            Response exported = get("/api/plans/" + planId + "/export." + format);
            assertThat(exported.status()).isEqualTo(200);
            Response preview = upload("exported." + format, exported.bytes(), "dryRun=true");
            assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
            assertThat(preview.body().get("format").asText()).isEqualTo(format);
            for (JsonNode d : preview.body().get("diagnostics")) assertThat(d.get("severity").asText()).isEqualTo("WARNING");
            Response again = upload("exported." + format, exported.bytes(), query);
            assertThat(again.status()).as(format + " " + again.body()).isEqualTo(201);
            JsonNode copy = get("/api/plans/" + again.body().get("planId").asText()).body();
            for (String field : HEADER) {
                assertThat(copy.get(field)).as(format + " " + field).isEqualTo(original.get(field));
            }
            assertThat(copy.get("items")).hasSameSizeAs(original.get("items"));
            for (int i = 0; i < original.get("items").size(); i++) {
                assertThat(copy.get("items").get(i).get("details")).as(format + " item " + i)
                        .isEqualTo(original.get("items").get(i).get("details"));
            }
        }
    }
}
