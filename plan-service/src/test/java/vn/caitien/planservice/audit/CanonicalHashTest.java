package vn.caitien.planservice.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.caitien.api.progress.ProgressRecorded;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical form: what does not change the hash, and that any real change does. */
class CanonicalHashTest {
    static final String PAYLOAD = """
            {"planId": "p-1", "percent": 40, "narrative": null,
             "indicatorValues": [{"name": "Sĩ số", "value": 36}], "effectiveDate": "2023-10-20"}""";
    static final String META = "{\"actor\": \"Nguyễn Thị Mai\", \"correlationId\": \"corr-42\"}";
    static final Instant AT = Instant.parse("2024-01-12T02:15:04.118Z");
    static final String TYPE = ProgressRecorded.class.getName();

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    static JsonNode json(String s) { return CanonicalJson.parse(utf8(s)); }

    static EventContent content(String payload, String meta) {
        return EventContent.of("e-1", "p-1", 4, TYPE, AT, utf8(payload), json(meta));
    }

    static String hash(String payload, String meta) { return content(payload, meta).hashAfter(EventContent.GENESIS); }

    @Test
    void keyOrderWhitespaceAndNullFieldsDoNotChangeTheHash() {
        String reordered = """
                {"effectiveDate":"2023-10-20","indicatorValues":[{"value":36.0,"name":"Sĩ số"}],
                 "percent":40,"planId":"p-1"}""";
        String metaReordered = "{\"correlationId\":\"corr-42\",\"causationId\":null,\"actor\":\"Nguyễn Thị Mai\"}";
        assertThat(hash(reordered, metaReordered)).isEqualTo(hash(PAYLOAD, META));
        assertThat(CanonicalJson.of(utf8(PAYLOAD))).isEqualTo(
                "{\"effectiveDate\":\"2023-10-20\",\"indicatorValues\":[{\"name\":\"Sĩ số\",\"value\":36}],"
                        + "\"percent\":40,\"planId\":\"p-1\"}");
    }

    @Test
    void numbersCountByValueAndNestedKeysAreSortedToo() {
        assertThat(CanonicalJson.of(utf8("{\"b\":{\"z\":1.50,\"y\":-0.0,\"x\":4E+1},\"a\":[3,null,1]}")))
                .isEqualTo("{\"a\":[3,null,1],\"b\":{\"x\":40,\"y\":0,\"z\":1.5}}");
    }

    @Test
    void anyChangeOfContentChangesTheHash() {
        String original = hash(PAYLOAD, META);
        EventContent base = content(PAYLOAD, META);
        assertThat(hash(PAYLOAD.replace("40", "41"), META)).isNotEqualTo(original);
        assertThat(hash(PAYLOAD.replace("Sĩ số", "Sĩ sô"), META)).isNotEqualTo(original);
        assertThat(hash(PAYLOAD.replace("\"narrative\": null", "\"narrative\": \"\""), META)).isNotEqualTo(original);
        assertThat(hash(PAYLOAD.replace("[{\"name\": \"Sĩ số\", \"value\": 36}]", "[]"), META)).isNotEqualTo(original);
        assertThat(hash(PAYLOAD, META.replace("Mai", "Lan"))).isNotEqualTo(original);
        assertThat(hash(PAYLOAD, META.replace("}", ", \"extra\": \"x\"}"))).isNotEqualTo(original);
        assertThat(EventContent.of("e-2", "p-1", 4, TYPE, AT, utf8(PAYLOAD), json(META)).hashAfter(EventContent.GENESIS))
                .isNotEqualTo(original);
        assertThat(EventContent.of("e-1", "p-2", 4, TYPE, AT, utf8(PAYLOAD), json(META)).hashAfter(EventContent.GENESIS))
                .isNotEqualTo(original);
        assertThat(EventContent.of("e-1", "p-1", 5, TYPE, AT, utf8(PAYLOAD), json(META)).hashAfter(EventContent.GENESIS))
                .isNotEqualTo(original);
        assertThat(EventContent.of("e-1", "p-1", 4, "vn.caitien.api.plan.PlanApproved", AT, utf8(PAYLOAD), json(META))
                .hashAfter(EventContent.GENESIS)).isNotEqualTo(original);
        assertThat(EventContent.of("e-1", "p-1", 4, TYPE, AT.plusMillis(1), utf8(PAYLOAD), json(META))
                .hashAfter(EventContent.GENESIS)).isNotEqualTo(original);
        assertThat(base.hashAfter("1" + EventContent.GENESIS.substring(1))).isNotEqualTo(original);
    }

    @Test
    void arrayOrderIsContent() {
        assertThat(CanonicalJson.of(utf8("[1,2]"))).isNotEqualTo(CanonicalJson.of(utf8("[2,1]")));
    }

    @Test
    void theChainsOwnMetadataKeysAreNotHashed() {
        String withChain = META.replace("}", ", \"hash\": \"abc\", \"previousHash\": \"def\"}");
        assertThat(hash(PAYLOAD, withChain)).isEqualTo(hash(PAYLOAD, META));
    }

    @Test
    void timeCountsToTheMillisecondAsAxonStoresIt() {
        Instant nanos = Instant.parse("2024-01-12T02:15:04.118999999Z");
        assertThat(EventContent.timestamp(nanos)).isEqualTo("2024-01-12T02:15:04.118Z");
        assertThat(EventContent.timestamp(Instant.parse("2024-01-12T02:15:04Z"))).isEqualTo("2024-01-12T02:15:04.000Z");
        assertThat(EventContent.of("e-1", "p-1", 4, TYPE, nanos, utf8(PAYLOAD), json(META)).hashAfter(EventContent.GENESIS))
                .isEqualTo(hash(PAYLOAD, META));
    }

    @Test
    void theTypeIsTheStableWireName() {
        assertThat(EventContent.wireType(TYPE)).isEqualTo("vn.caitien.plan.ProgressRecorded");
        assertThat(EventContent.wireType("com.example.Other")).isEqualTo("com.example.Other");
    }

    @Test
    void theHashIsSha256OfTheDocumentedLines() throws Exception {
        String expected = String.join("\n",
                "caitien.plan-event-chain.v1",
                "\"" + EventContent.GENESIS + "\"",
                "\"e-1\"", "\"p-1\"", "4",
                "\"vn.caitien.plan.ProgressRecorded\"",
                "\"2024-01-12T02:15:04.118Z\"",
                "{\"effectiveDate\":\"2023-10-20\",\"indicatorValues\":[{\"name\":\"Sĩ số\",\"value\":36}],"
                        + "\"percent\":40,\"planId\":\"p-1\"}",
                "{\"actor\":\"Nguyễn Thị Mai\",\"correlationId\":\"corr-42\"}");
        EventContent content = content(PAYLOAD, META);
        assertThat(content.canonicalForm(EventContent.GENESIS)).isEqualTo(expected);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(expected.getBytes(StandardCharsets.UTF_8)));
        assertThat(content.hashAfter(EventContent.GENESIS)).isEqualTo(sha).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void partsCannotRunIntoEachOther() {
        // Line breaks and quotes inside values are escaped, so the form always has exactly nine lines.
        String tricky = "{\"narrative\": \"a\\n\\\"b\\\"\\u0000\\ud83d\\ude00\"}";
        String form = content(tricky, META).canonicalForm(EventContent.GENESIS);
        assertThat(form.split("\n", -1)).hasSize(9);
        assertThat(form).contains("{\"narrative\":\"a\\u000a\\\"b\\\"\\u0000\\ud83d\\ude00\"}");
        assertThat(CanonicalJson.of(utf8("{\"a\":\"x\",\"b\":\"y\"}")))
                .isNotEqualTo(CanonicalJson.of(utf8("{\"a\":\"x\\\",\\\"b\\\":\\\"y\"}")));
    }

    @Test
    void refusesWhatIsNotExactlyOneJsonValue() {
        assertThatThrownBy(() -> CanonicalJson.of(utf8("{\"percent\":40,\"percent\":90}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.of(utf8("{\"a\":1} {\"b\":2}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.of(utf8("{\"a\":"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
