package vn.caitien.planservice.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.caitien.documents.hostile.HostileFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * POST /api/plans/import with hostile uploads: random bytes, truncated and bit-flipped archives, a zip
 * whose entry name is 65,535 characters, .docx/.xlsx-shaped zips with garbage or hostile XML (XXE,
 * billion laughs), the sample plan with its text replaced by hostile strings, and odd form fields.
 */
class ImportFuzzTest extends FuzzSupport {
    private final Random rnd = new Random(SEED ^ 0x1A2B3C);
    private final JsonMutator strings = new JsonMutator(rnd);

    static byte[] sample() throws IOException {
        try (InputStream in = ImportFuzzTest.class.getResourceAsStream("/exchange/le-dinh-chinh-2023-2024.docx")) {
            return in.readAllBytes();
        }
    }

    static Map<String, byte[]> entries(byte[] zip) { return HostileFiles.entries(zip); }

    static byte[] zip(Map<String, byte[]> entries) { return HostileFiles.archive(entries); }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A hostile file, and what it is (for the reproducer). */
    record Upload(String kind, byte[] bytes) {
    }

    Upload file(byte[] sample, Map<String, byte[]> parts) throws IOException {
        switch (rnd.nextInt(12)) {
            case 0 -> {
                byte[] b = new byte[rnd.nextInt(65_536)];
                rnd.nextBytes(b);
                return new Upload("random bytes " + b.length, b);
            }
            case 1 -> {
                byte[] b = new byte[4 + rnd.nextInt(20_000)];
                rnd.nextBytes(b);
                b[0] = 'P'; b[1] = 'K'; b[2] = 3; b[3] = 4;
                return new Upload("PK + random " + b.length, b);
            }
            case 2 -> {
                int at = rnd.nextInt(sample.length);
                return new Upload("sample truncated at " + at, java.util.Arrays.copyOf(sample, at));
            }
            case 3 -> {
                byte[] b = sample.clone();
                int flips = 1 + rnd.nextInt(10);
                StringBuilder where = new StringBuilder();
                for (int i = 0; i < flips; i++) {
                    int at = rnd.nextInt(b.length);
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                    where.append(at).append(' ');
                }
                return new Upload("sample with bits flipped at " + where, b);
            }
            case 4 -> {
                Map<String, byte[]> m = new LinkedHashMap<>();
                m.put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
                m.put("word/" + "d".repeat(65_000) + "document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8));
                return new Upload("zip with a 65 kB entry name", zip(m));
            }
            case 5 -> {
                String[] garbage = {"<w:document><w:body>", "not xml at all \u0000\u0001",
                        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><w:document>&e;</w:document>",
                        "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                                + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]><l>&f;&f;&f;</l>",
                        "", "<" + "a>".repeat(20_000)};
                Map<String, byte[]> m = new LinkedHashMap<>(parts);
                String g = garbage[rnd.nextInt(garbage.length)];
                m.put("word/document.xml", g.getBytes(StandardCharsets.UTF_8));
                return new Upload("docx with garbage document.xml: " + g.substring(0, Math.min(60, g.length())), zip(m));
            }
            case 6 -> {
                Map<String, byte[]> m = new LinkedHashMap<>();
                m.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                        .getBytes(StandardCharsets.UTF_8));
                m.put("xl/workbook.xml", "<workbook><sheets><sheet name=\"x\" r:id=\"rId1\"/>".getBytes(StandardCharsets.UTF_8));
                m.put("xl/worksheets/sheet1.xml", new byte[]{0, 1, 2, (byte) 0xFF});
                return new Upload("xlsx-shaped zip with garbage XML", zip(m));
            }
            case 7, 8, 9 -> {
                // The sample with some of its text runs replaced by hostile strings.
                String doc = new String(parts.get("word/document.xml"), StandardCharsets.UTF_8);
                StringBuilder out = new StringBuilder();
                int from = 0;
                int replaced = 0;
                for (int at; (at = doc.indexOf("<w:t", from)) >= 0; ) {
                    int open = doc.indexOf('>', at) + 1;
                    int close = doc.indexOf("</w:t>", open);
                    if (open <= 0 || close < 0 || doc.charAt(open - 2) == '/') {
                        out.append(doc, from, Math.max(open, at + 4));
                        from = Math.max(open, at + 4);
                        continue;
                    }
                    out.append(doc, from, open);
                    if (rnd.nextInt(12) == 0) {
                        String s = rnd.nextBoolean() ? strings.hostileString()
                                : pick(JsonMutator.CRITERIA, JsonMutator.DATES, JsonMutator.SCHOOL_YEARS, JsonMutator.LEVEL_GROUPS,
                                JsonMutator.NUMBERS, JsonMutator.MONTHS);
                        if (s.length() > 50_000) s = s.substring(0, 50_000);
                        out.append(xmlEscape(s));
                        replaced++;
                    } else {
                        out.append(doc, open, close);
                    }
                    from = close;
                }
                out.append(doc.substring(from));
                Map<String, byte[]> m = new LinkedHashMap<>(parts);
                m.put("word/document.xml", out.toString().getBytes(StandardCharsets.UTF_8));
                return new Upload("sample with " + replaced + " text runs replaced", zip(m));
            }
            case 10 -> {
                return new Upload("empty file", new byte[0]);
            }
            default -> {
                return new Upload("the sample", sample);
            }
        }
    }

    private String pick(String[]... arrays) {
        String[] a = arrays[rnd.nextInt(arrays.length)];
        return a[rnd.nextInt(a.length)];
    }

    String query(StringBuilder notes) {
        StringBuilder q = new StringBuilder();
        boolean dryRun = rnd.nextInt(2) == 0;
        if (dryRun) q.append("&dryRun=true");
        if (rnd.nextInt(3) == 0) q.append("&approve=true");
        if (rnd.nextInt(2) == 0) q.append("&force=true");
        if (rnd.nextInt(8) == 0) q.append("&dryRun=").append(pick(new String[]{"yes", "2", "", "%00", "TRUE"}));
        String[][] fields = {{"managingUnit", "schoolYear", "documentNumber", "frameworkId"}};
        for (String f : fields[0]) {
            if (rnd.nextInt(5) != 0) continue;
            String v = switch (f) {
                case "schoolYear" -> pick(JsonMutator.SCHOOL_YEARS);
                case "frameworkId" -> pick(JsonMutator.FRAMEWORKS);
                case "documentNumber" -> rnd.nextBoolean() ? "x".repeat(65) : "12/KH-TH";
                default -> rnd.nextBoolean() ? "Thành phố Hồ Chí Minh/Quận 10" : "///" + "x".repeat(rnd.nextInt(400));
            };
            if (rnd.nextInt(6) == 0) v = strings.hostileString();
            if (v.length() > 1500) v = v.substring(0, 1500);
            q.append('&').append(f).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
        notes.append(" query=").append(q.length() > 200 ? q.substring(0, 200) + "…" : q);
        return q.isEmpty() ? "" : "?" + q.substring(1);
    }

    byte[] multipart(String boundary, String field, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    void importFile() throws Exception {
        Tally tally = new Tally("POST /api/plans/import");
        byte[] sample = sample();
        Map<String, byte[]> parts = entries(sample);
        for (int i = 0; i < tries(300); i++) {
            StringBuilder notes = new StringBuilder();
            Upload upload = file(sample, parts);
            notes.append(upload.kind());
            String query = query(notes);
            String boundary = "----fuzz" + UUID.randomUUID();
            String fileName = switch (rnd.nextInt(10)) {
                case 0 -> "k".repeat(300) + ".docx";
                case 1 -> "ke-hoach.xlsx";
                case 2 -> "../../etc/passwd";
                case 3 -> "Kế hoạch 😀.docx";
                case 4 -> "";
                default -> "ke-hoach.docx";
            };
            notes.append(" fileName=").append(fileName.length() > 40 ? fileName.length() + " chars" : fileName);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
            byte[] body = multipart(boundary, "file", fileName, upload.bytes());
            switch (rnd.nextInt(20)) {
                case 0 -> {
                    notes.append(" [no boundary]");
                    headers.put("Content-Type", "multipart/form-data");
                }
                case 1 -> {
                    notes.append(" [field named other]");
                    body = multipart(boundary, "other", fileName, upload.bytes());
                }
                case 2 -> {
                    notes.append(" [body truncated]");
                    body = java.util.Arrays.copyOf(body, rnd.nextInt(body.length));
                }
                case 3 -> {
                    notes.append(" [Content-Type application/octet-stream]");
                    headers.put("Content-Type", "application/octet-stream");
                }
                case 4 -> {
                    notes.append(" [X-User]");
                    headers.put("X-User", pick(new String[]{"%FF", "%", "x".repeat(201), "Nguy%E1%BB%85n"}));
                }
                default -> {
                }
            }
            Attempt a = new Attempt(notes.toString(), "POST", "/api/plans/import" + query, headers, body);
            boolean approve = query.contains("approve=true");
            check(tally, a, r -> expectedEvents(r, approve), r -> coherentImport(r), CommandFuzzTest.knownIssue(a));
        }
        tally.finish();
    }

    /** Plan + imported items (+ approval): what a created import must have stored; a preview stores nothing. */
    static int expectedEvents(Answer r, boolean approve) {
        JsonNode body = r.body();
        if (body == null || !body.path("created").asBoolean()) return 0;
        int items = 0;
        for (JsonNode item : body.path("items")) if (!item.path("itemId").asText("").isEmpty()) items++;
        return 1 + items + (approve ? 1 : 0);
    }

    boolean coherentImport(Answer r) {
        JsonNode body = r.body();
        if (body == null) return false;
        if (r.status() == 200) return !body.path("created").asBoolean();
        return r.status() == 201 && body.path("created").asBoolean() && !body.path("planId").asText("").isBlank();
    }
}
