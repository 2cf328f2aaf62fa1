package vn.caitien.planservice.exchange;

import org.junit.jupiter.api.Test;
import vn.caitien.documents.SampleDocuments;
import vn.caitien.documents.TestDocuments;
import vn.caitien.documents.hostile.HostileFiles;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

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

    /**
     * Broken files and uploads: every answer is Vietnamese, and no parser message (English, naming Java
     * classes such as org.apache.poi…Exception or java.util.zip.ZipException) reaches the user.
     */
    @Test
    void explainsBrokenFilesInVietnameseWithoutJavaClassNames() throws Exception {
        byte[] sample = SampleDocuments.sample(SampleDocuments.LE_DINH_CHINH);
        Map<String, byte[]> withoutTypes = new LinkedHashMap<>(HostileFiles.entries(sample));
        withoutTypes.remove("[Content_Types].xml");
        Map<String, byte[]> brokenXml = new LinkedHashMap<>(HostileFiles.entries(sample));
        brokenXml.put("word/document.xml", "<w:document><w:body><w:p>".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> wrongRoot = new LinkedHashMap<>(HostileFiles.entries(sample));
        wrongRoot.put("word/document.xml", "<?xml version=\"1.0\"?><bang/>".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("no-content-types.docx", HostileFiles.archive(withoutTypes));
        files.put("broken-xml.docx", HostileFiles.archive(brokenXml));
        files.put("wrong-root.docx", HostileFiles.archive(wrongRoot));
        files.put("truncated.docx", Arrays.copyOf(sample, sample.length / 2));
        long before = events();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Response r = upload(file.getKey(), file.getValue(), "dryRun=true");
            assertThat(r.status()).as(file.getKey() + " " + r.body()).isBetween(400, 499);
            assertVietnameseOnly(file.getKey(), r);
        }
        String boundary = "----x";
        byte[] cut = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.docx\"\r\n\r\nPK")
                .getBytes(StandardCharsets.UTF_8);
        Response truncated = send(HttpRequest.newBuilder(uri("/api/plans/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(cut)).build());
        assertProblem(truncated, 400, "file");
        assertVietnameseOnly("truncated multipart", truncated);
        assertThat(events()).isEqualTo(before);
    }

    private static final Pattern JAVA_NAMES = Pattern.compile("(?i)exception|\\berror\\b|org\\.apache|java\\.|javax\\.|"
            + "com\\.ctc|xmlbeans|\\[M\\d");
    private static final Pattern VIETNAMESE = Pattern.compile("[ạảãáàâăđêôơưếềểễệốồổỗộớờởỡợứừửữựíìỉĩịéèẻẽẹóòỏõọúùủũụýỳỷỹỵ]");

    private static void assertVietnameseOnly(String what, Response r) {
        assertThat(r.contentType()).as(what).startsWith("application/problem+json");
        List<String> texts = new ArrayList<>(List.of(r.body().path("title").asText(), r.body().path("detail").asText()));
        r.body().path("errors").forEach(e -> texts.add(e.path("message").asText()));
        r.body().path("diagnostics").forEach(d -> texts.add(d.path("message").asText()));
        for (String text : texts) {
            assertThat(JAVA_NAMES.matcher(text).find()).as(what + ": " + text).isFalse();
            assertThat(VIETNAMESE.matcher(text.toLowerCase()).find()).as(what + ": " + text).isTrue();
        }
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
        Response badYear = upload("a.docx", SampleDocuments.sample(SampleDocuments.TUOI_HONG), "dryRun=true&schoolYear=2021-2023");
        assertProblem(badYear, 400, "schoolYear");
        Response unknownFramework = upload("a.docx", SampleDocuments.sample(SampleDocuments.TUOI_HONG), "frameworkId=TT99-2030");
        assertProblem(unknownFramework, 422, "frameworkId");
    }
}
