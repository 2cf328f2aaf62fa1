package vn.caitien.planservice.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Starts from a valid JSON body and breaks it: drops fields, puts wrong JSON types, edge values chosen
 * by field name (dates, months, school years, criterion codes, level groups, evidence codes, amounts,
 * percents, enums), hostile strings (huge, emoji, RTL, NUL, lone surrogates), and sometimes damages the
 * text itself (truncated, trailing garbage, duplicated keys, deep nesting, invalid UTF-8).
 * Raw JSON tokens that a tree cannot hold (1e309, -0, 1e999999999) are spliced in after writing.
 */
final class JsonMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String RAW = "@@RAW";

    final Random rnd;
    /** What the last body got, for the tally and for known-issue checks. */
    final List<String> applied = new ArrayList<>();
    private final List<String> raws = new ArrayList<>();

    JsonMutator(Random rnd) { this.rnd = rnd; }

    // ------------------------------------------------------------------ values

    static final String[] DATES = {"2023-02-30", "2023-13-01", "abc", "99999-01-01", "+99999-01-01", "-0001-01-01",
            "0000-01-01", "2023-8-18", "18/08/2023", "2023-08-18T10:00:00", "", " ", "2999-01-01", "2024-02-29",
            "2023-02-29", "1900-01-01", "2023-10-20", "2023-08-18", "2023-00-10", "2023-10-32", "１２３"};
    static final String[] MONTHS = {"2023-00", "2023-13", "2023-9", "2023-09", "0000-01", "99999-01", "+99999-01", "2030-12",
            "2020-01", "abc", "2023-09-01", "", "2023-05", "2024-05", "1999-12", "2101-01", "-2023-01"};
    static final String[] SCHOOL_YEARS = {"2023-2025", "0000-0001", "2023-2024", "2023 – 2024", "1989-1990", "2100-2101",
            "2099-2100", "9999-10000", "2023/2024", "２０２３-２０２４", "2024-2023", "", "2023", "2023-2024-2025"};
    static final String[] CRITERIA = {"5.6", "M4.99", "0.0", "99.99", "3.4", "Tiêu chí 1.1", "M4.1", "1", "0", "99",
            "00.00", "１.１", "3.4.", "tc 3.4", "M4.0", "m4.2", "3,4", "3.4.5", "", "Tiêu chí", "-1.1", "1.01", "2"};
    static final String[] LEVEL_GROUPS = {"MỨC 0", "MỨC 5", "MỨC 1, 4", "MỨC 4", "1-3", "3-1", "0-9", "MUC_1_2_3",
            "mức 1", "MỨC 1, 2, 3", "MỨC", "MỨC 1,,2", "MỨC 12", "4", ""};
    static final String[] EVIDENCE = {"[H1-3.4-01]", "H-bad", "[H999-99.99-999]", "MC.1.1.01", "MC.99.99.999",
            "[H1-0.0-00]", "", "[H1-3.4-01", "H1-3.4-1", "[H0001-3.4-01]", "MC.5.6.01", "[H1-M4.1-01]"};
    static final String[] FRAMEWORKS = {"TT17-2018", "TT18-2018", "TT19-2018", "TT57-2026", "TT99-2030", "", "tt17-2018",
            "TT17-2018 ", "x".repeat(40)};
    static final String[] STATUSES = {"CHUA_THUC_HIEN", "DANG_THUC_HIEN", "HOAN_THANH", "CHAM_TIEN_DO", "KHONG_THUC_HIEN",
            "hoan_thanh", "Hoàn thành", "", "DONE"};
    static final String[] PERIODS = {"DAU_NAM", "CUOI_HK1", "CUOI_NAM", "GIUA_NAM", "dau_nam", ""};
    static final String[] SCHOOL_TYPES = {"MAM_NON", "TIEU_HOC", "THCS", "THPT", "PHO_THONG_NHIEU_CAP", "DAI_HOC", ""};
    /** Numbers as raw JSON text: some are not representable (1e309), some not JSON at all (NaN). */
    static final String[] NUMBERS = {"-1", "0", "-0", "1", "100", "101", "120", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e309", "-1e309", "1.5", "50.5", "1e2",
            // Huge exponents: the requests bound numbers (±10^15) before anything expands them.
            "1e400000", "1e999999999", "1e-999999999", "1e-400", "1e4000", "123456789012345678901234567890", "NaN", "Infinity", "0x10", "01"};
    static final String[] STRINGS_FOR_NUMBERS = {"NaN", "-0", "50", "1e309", "", "abc", "Infinity", "9223372036854775808"};

    String hostileString() {
        return switch (rnd.nextInt(24)) {
            case 0 -> "x".repeat(10_000 + rnd.nextInt(10_000));
            case 1 -> "ệ".repeat(rnd.nextInt(10) == 0 ? 1_000_000 : 100_000);
            case 2 -> "😀👨‍👩‍👧‍👦🇻🇳";
            case 3 -> "\u202Eabc\u202C مرحبا עברית";
            case 4 -> "\u0000";
            case 5 -> "Trường\u0000Tiểu học";
            case 6 -> "\uD800";
            case 7 -> "a\uDFFFb";
            case 8 -> "\u0001\u001F\u007F";
            case 9 -> "\u2028\u2029";
            case 10 -> "Tie\u0302\u0301u chi\u0301 3.4";
            case 11 -> "<script>alert(1)</script>";
            case 12 -> "' OR 1=1 --";
            case 13 -> "../../etc/passwd";
            case 14 -> "%s%n${jndi:ldap://x}";
            case 15 -> "";
            case 16 -> "   \t\n ";
            case 17 -> "\uFEFF";
            case 18 -> "e\u0301".repeat(3000);
            case 19 -> "𝕏".repeat(5000);
            case 20 -> "null";
            case 21 -> "\u200B\u200D";
            case 22 -> "x".repeat(1 + rnd.nextInt(5000));
            default -> "Chuỗi bình thường " + rnd.nextInt();
        };
    }

    private JsonNode raw(String text) {
        raws.add(text);
        return TextNode.valueOf(RAW + (raws.size() - 1) + "@@");
    }

    private String pick(String[] values) { return values[rnd.nextInt(values.length)]; }

    /** A value of the wrong JSON type, or an odd one of the right type. */
    JsonNode wrongType() {
        return switch (rnd.nextInt(12)) {
            case 0 -> raw(pick(NUMBERS));
            case 1 -> F.textNode(hostileString());
            case 2 -> F.booleanNode(rnd.nextBoolean());
            case 3 -> F.nullNode();
            case 4 -> F.arrayNode();
            case 5 -> F.objectNode();
            case 6 -> F.arrayNode().add(1).add("a").addNull();
            case 7 -> F.objectNode().put("a", 1).set("b", F.arrayNode());
            case 8 -> raw(nested(rnd.nextInt(4) == 0 ? 10_000 : 50 + rnd.nextInt(2000)));
            case 9 -> F.textNode(pick(STRINGS_FOR_NUMBERS));
            case 10 -> F.numberNode(rnd.nextLong());
            default -> F.numberNode(rnd.nextDouble() * 1e6);
        };
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** An edge value suited to the field's name, or a hostile one. */
    JsonNode forField(String name) {
        if (rnd.nextInt(4) == 0) return wrongType();
        String n = name == null ? "" : name;
        if (n.endsWith("Date") || n.endsWith("On")) {
            return rnd.nextInt(6) == 0 ? F.textNode(LocalDate.now().plusDays(rnd.nextInt(5) - 2).toString()) : F.textNode(pick(DATES));
        }
        return switch (n) {
            case "start", "end" -> F.textNode(pick(MONTHS));
            case "schoolYear" -> F.textNode(pick(SCHOOL_YEARS));
            case "criterionCode" -> rnd.nextInt(3) == 0 ? F.textNode(randomAscii()) : F.textNode(pick(CRITERIA));
            case "levelGroup" -> F.textNode(pick(LEVEL_GROUPS));
            case "evidenceCodes" -> F.arrayNode().add(pick(EVIDENCE)).add(pick(EVIDENCE));
            case "frameworkId" -> F.textNode(pick(FRAMEWORKS));
            case "status" -> F.textNode(pick(STATUSES));
            case "period" -> F.textNode(pick(PERIODS));
            case "type" -> F.textNode(pick(SCHOOL_TYPES));
            case "percent", "amount", "amountSpentToDate", "level", "met", "total", "overallLevel", "baseline", "target",
                 "value" -> raw(pick(NUMBERS));
            case "planId" -> F.textNode(switch (rnd.nextInt(8)) {
                case 0 -> "x".repeat(64);
                case 1 -> "x".repeat(65);
                case 2 -> "x".repeat(256);
                case 3 -> "   ";
                case 4 -> "../" + java.util.UUID.randomUUID();
                case 5 -> java.util.UUID.randomUUID() + "\u0000";
                case 6 -> "😀" + java.util.UUID.randomUUID();
                default -> java.util.UUID.randomUUID().toString();
            });
            case "correction", "perSchoolYear" -> rnd.nextBoolean() ? F.textNode(rnd.nextBoolean() ? "true" : "yes") : raw("1");
            default -> F.textNode(hostileString());
        };
    }

    private String randomAscii() {
        StringBuilder s = new StringBuilder();
        int len = rnd.nextInt(12);
        for (int i = 0; i < len; i++) s.append((char) (0x20 + rnd.nextInt(95)));
        return s.toString();
    }

    // ------------------------------------------------------------------ tree mutations

    private record Slot(JsonNode parent, String field, int index) {
        String name() { return field; }
    }

    private static void slots(JsonNode node, String name, List<Slot> out) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.add(new Slot(o, e.getKey(), -1));
                slots(e.getValue(), e.getKey(), out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(a, name, i));
                slots(a.get(i), name, out);
            }
        }
    }

    private static void set(Slot s, JsonNode value) {
        if (s.index() < 0) ((ObjectNode) s.parent()).set(s.field(), value);
        else ((ArrayNode) s.parent()).set(s.index(), value);
    }

    /** The valid body (valid=true, nothing changed) or a mutated one, as bytes. */
    byte[] mutate(String validJson, boolean keepValid) {
        applied.clear();
        raws.clear();
        JsonNode root;
        try {
            root = JSON.readTree(validJson);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (keepValid) {
            applied.add("valid");
            return write(root);
        }
        int count = 1 + rnd.nextInt(3);
        for (int m = 0; m < count; m++) {
            List<Slot> all = new ArrayList<>();
            slots(root, null, all);
            if (all.isEmpty()) break;
            Slot slot = all.get(rnd.nextInt(all.size()));
            int op = rnd.nextInt(10);
            switch (op) {
                case 0, 1 -> {
                    applied.add("drop " + slot.name());
                    if (slot.index() < 0) ((ObjectNode) slot.parent()).remove(slot.field());
                    else ((ArrayNode) slot.parent()).remove(slot.index());
                }
                case 2 -> {
                    applied.add("null " + slot.name());
                    set(slot, F.nullNode());
                }
                case 3, 4 -> {
                    applied.add("wrongType " + slot.name());
                    set(slot, wrongType());
                }
                case 5, 6, 7 -> {
                    applied.add("edge " + slot.name());
                    set(slot, forField(slot.name()));
                }
                case 8 -> {
                    JsonNode target = slot.index() < 0 ? ((ObjectNode) slot.parent()).get(slot.field())
                            : ((ArrayNode) slot.parent()).get(slot.index());
                    if (target instanceof ArrayNode a) {
                        applied.add("nullElement " + slot.name());
                        a.addNull();
                    } else if (target instanceof ObjectNode o) {
                        applied.add("unknownField in " + slot.name());
                        o.put("khongCo" + rnd.nextInt(100), hostileString());
                    } else {
                        applied.add("hostile " + slot.name());
                        set(slot, F.textNode(hostileString()));
                    }
                }
                default -> {
                    // Add a field the request knows but the valid body left out, with an edge value.
                    String[] extras = {"planId", "levelGroup", "amendmentReason", "correction", "correctionReason",
                            "schoolYear", "submittedOn", "approvedBy", "approvedOn", "percent", "amountSpentToDate"};
                    String f = extras[rnd.nextInt(extras.length)];
                    if (root instanceof ObjectNode o) {
                        applied.add("add " + f);
                        o.set(f, forField(f));
                    }
                }
            }
        }
        byte[] bytes = write(root);
        if (rnd.nextInt(8) == 0) bytes = damageText(bytes);
        return bytes;
    }

    private byte[] write(JsonNode root) {
        String text;
        try {
            text = JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < raws.size(); i++) text = text.replace("\"" + RAW + i + "@@\"", raws.get(i));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Damage to the JSON text itself. */
    byte[] damageText(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        switch (rnd.nextInt(11)) {
            case 0 -> {
                applied.add("truncated");
                return text.substring(0, rnd.nextInt(Math.max(1, text.length()))).getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                applied.add("trailing garbage");
                return (text + pick(new String[]{"}", "xyz", ",", "{}", "\u0000", " ]", "\n{\"a\":1}"})).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                applied.add("duplicated key");
                int close = text.indexOf(',');
                String firstPair = close > 1 ? text.substring(1, close) : "\"a\":1";
                return ("{" + firstPair + "," + text.substring(1)).getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                applied.add("body replaced");
                return pick(new String[]{"", "null", "[]", "\"x\"", "42", "{", "<plan/>", "true", "{}", "[{}]"})
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                applied.add("deep nesting");
                return nested(10_000).getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                applied.add("deep objects");
                return ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                applied.add("BOM");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.writeBytes(body);
                return out.toByteArray();
            }
            case 7 -> {
                applied.add("invalid UTF-8");
                byte[] copy = body.clone();
                int at = rnd.nextInt(copy.length);
                copy[at] = (byte) (0x80 + rnd.nextInt(0x80));
                return copy;
            }
            case 8 -> {
                applied.add("comments");
                return ("/* x */" + text).getBytes(StandardCharsets.UTF_8);
            }
            case 9 -> {
                applied.add("single quotes");
                return text.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                applied.add("UTF-16");
                return text.getBytes(StandardCharsets.UTF_16);
            }
        }
    }
}
