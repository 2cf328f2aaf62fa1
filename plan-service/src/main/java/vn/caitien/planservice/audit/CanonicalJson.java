package vn.caitien.planservice.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One text for every JSON value that means the same: object keys sorted (by UTF-16 code units, as
 * {@link String#compareTo}), fields whose value is {@code null} dropped, no whitespace, numbers by value
 * ({@code 40}, {@code 40.0} and {@code 4E+1} are all {@code 40}), strings escaped one way only. Array
 * elements keep their order, nulls included, because position is meaning there.
 * <p>
 * Parsing is strict: duplicate keys, trailing content or anything but one JSON value is refused with
 * {@link IllegalArgumentException}, so bytes edited into something Axon would read differently cannot
 * pass as the original.
 */
public final class CanonicalJson {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** Parses JSON bytes (as Axon stores them) strictly; refuses anything that is not exactly one JSON value. */
    public static JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) throw new IllegalArgumentException("Không có nội dung JSON");
        try {
            JsonNode node = STRICT.readTree(json);
            if (node == null || node.isMissingNode()) throw new IllegalArgumentException("Không có nội dung JSON");
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("JSON không hợp lệ: " + e.getMessage(), e);
        }
    }

    /** The canonical text of JSON bytes. */
    public static String of(byte[] json) { return write(parse(json), Set.of()); }

    /** The canonical text of a JSON value. */
    public static String of(JsonNode node) { return write(node, Set.of()); }

    /** The canonical text of a JSON object without the given top-level keys (the chain's own metadata). */
    public static String without(JsonNode node, Set<String> topLevelKeys) { return write(node, topLevelKeys); }

    private static String write(JsonNode node, Set<String> dropTopLevel) {
        StringBuilder out = new StringBuilder(256);
        write(node, dropTopLevel, out);
        return out.toString();
    }

    private static void write(JsonNode node, Set<String> drop, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!field.getValue().isNull() && !field.getValue().isMissingNode() && !drop.contains(field.getKey())) {
                        fields.add(field);
                    }
                }
                fields.sort(Map.Entry.comparingByKey());
                out.append('{');
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) out.append(',');
                    string(fields.get(i).getKey(), out);
                    out.append(':');
                    write(fields.get(i).getValue(), Set.of(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) out.append(',');
                    write(node.get(i), Set.of(), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("Giá trị JSON không hỗ trợ: " + node.getNodeType());
        }
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) return node.bigIntegerValue().toString();
        BigDecimal value = node.decimalValue();
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /**
     * A JSON string literal. Only {@code "} and {@code \} are escaped with a backslash; control characters
     * and UTF-16 surrogates (so also a lone one) as lower-case {@code \}{@code uXXXX}; everything else as is.
     */
    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                        .append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        string(s, out);
        return out.toString();
    }
}
