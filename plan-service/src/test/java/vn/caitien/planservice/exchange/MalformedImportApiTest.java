package vn.caitien.planservice.exchange;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever is wrong with the upload, the answer is a clear 4xx problem+json in Vietnamese and no event is stored. */
class MalformedImportApiTest extends ExchangeApiSupport {

    @Test
    void refusesATextFileRenamedDocx() throws Exception {
        long before = events();
        Response r = upload("ke-hoach.docx", "Kế hoạch cải tiến chất lượng\nTiêu chí 1.4".getBytes(StandardCharsets.UTF_8), "");
        assertProblem(r, 415, "file");
        assertThat(r.body().get("type").asText()).endsWith("/import-not-office-file");
        assertThat(r.body().get("detail").asText()).contains("không phải tài liệu Word");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusesAWordDocumentWithoutThePlanTable() throws Exception {
        long before = events();
        Response r = upload("thong-bao.docx", TestDocuments.docxWithoutTable(), "");
        assertProblem(r, 422, "file");
        assertThat(r.body().get("type").asText()).endsWith("/import-no-plan-table");
        assertThat(r.body().get("title").asText()).isEqualTo("Không tìm thấy bảng kế hoạch cải tiến trong tệp");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusesAnUploadOverTenMegabytes() throws Exception {
        long before = events();
        byte[] big = new byte[10 * 1024 * 1024 + 64 * 1024];
        new Random(7).nextBytes(big);
        big[0] = 'P';
        big[1] = 'K';
        Response r = upload("lon.docx", big, "");
        assertProblem(r, 413, "file");
        assertThat(r.body().get("detail").asText()).contains("10 MB");
        assertThat(r.body().get("maxBytes").asLong()).isEqualTo(10L * 1024 * 1024);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusesAZipBomb() throws Exception {
        long before = events();
        Response r = upload("bom.docx", TestDocuments.zipBomb(300), "");
        assertProblem(r, 413, "file");
        assertThat(r.body().get("type").asText()).endsWith("/import-archive-too-large");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusesRequestsWithoutAFileAndBadParameters() throws Exception {
        Response json = send(HttpRequest.newBuilder(uri("/api/plans/import")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"file\": \"ke-hoach.docx\"}")).build());
        assertProblem(json, 415, "file");
        String boundary = "----x";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nkhông có tệp\r\n--" + boundary + "--\r\n";
        Response noFile = send(HttpRequest.newBuilder(uri("/api/plans/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertProblem(noFile, 400, "file");
        Response badYear = upload("a.docx", SampleParseTest.sample(SampleParseTest.TUOI_HONG), "dryRun=true&schoolYear=2021-2023");
        assertProblem(badYear, 400, "schoolYear");
        Response unknownFramework = upload("a.docx", SampleParseTest.sample(SampleParseTest.TUOI_HONG), "frameworkId=TT99-2030");
        assertProblem(unknownFramework, 422, "frameworkId");
    }
}
