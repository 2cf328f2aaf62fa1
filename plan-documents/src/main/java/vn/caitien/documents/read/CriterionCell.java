package vn.caitien.documents.read;

import vn.caitien.api.item.CriterionCode;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Tiêu chuẩn, tiêu chí" cell of an item row: "Tiêu chí 1.4", "Tiêu chí 1.1. Phương hướng...",
 * "Tiêu chí 5.1: ...", "Tiêu chí 1.4 Hiệu trưởng, ..." and, in MỨC 4 rows, a level-4 criterion named
 * by its number alone ("1", "Khoản 2: ...", "M4.3"). The name, if written, is kept to compare it
 * with the catalogue.
 */
public record CriterionCell(CriterionCode code, String name) {
    private static final Pattern FORM = Pattern.compile(
            "^(?:tieu chi|tc|khoan)?\\s*(?:so\\s*)?(?:(m4)\\s*\\.\\s*)?(\\d{1,2})(?:\\s*\\.\\s*(\\d{1,2}))?(?!\\d)\\s*[.:)\\-–]?\\s*");
    private static final Pattern STANDARD = Pattern.compile("^tieu chuan\\s*(\\d{1,2})(?!\\d)\\s*[.:\\-–]?\\s*");

    public static Optional<CriterionCell> parse(String raw) {
        String text = VietnameseText.oneLine(raw);
        if (text.isEmpty()) return Optional.empty();
        String f = VietnameseText.fold(text);
        if (f.startsWith("tieu chuan") || f.startsWith("muc")) return Optional.empty();
        Matcher m = FORM.matcher(f);
        if (!m.find()) return Optional.empty();
        int first = Integer.parseInt(m.group(2));
        CriterionCode code;
        try {
            code = m.group(3) != null && m.group(1) == null
                    ? CriterionCode.parse(first + "." + Integer.parseInt(m.group(3)))
                    : CriterionCode.level4(first);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String name = text.substring(m.end()).strip();
        return Optional.of(new CriterionCell(code, name.isEmpty() ? null : name));
    }

    /** "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường" → standard 1 and its name as written. */
    public record StandardCell(int number, String name) {
        public static Optional<StandardCell> parse(String raw) {
            String text = VietnameseText.oneLine(raw);
            Matcher m = STANDARD.matcher(VietnameseText.fold(text));
            if (!m.find()) return Optional.empty();
            String name = text.substring(m.end()).strip();
            return Optional.of(new StandardCell(Integer.parseInt(m.group(1)), name.isEmpty() ? null : name));
        }
    }
}
