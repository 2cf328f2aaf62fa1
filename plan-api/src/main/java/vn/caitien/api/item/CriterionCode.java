package vn.caitien.api.item;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A criterion of the framework: "3.4" (criterion 4 of standard 3) or "M4.2" (level-4 criterion 2).
 * Accepts what people type: "Tiêu chí 1.4", "1.4.", "M4.2", and a bare "2" which names a level-4
 * criterion by its number (the plan's MỨC 4 rows do that).
 */
public record CriterionCode(String value) {
    private static final Pattern STANDARD = Pattern.compile("^(\\d{1,2})\\.(\\d{1,2})$");
    private static final Pattern LEVEL4 = Pattern.compile("^M4\\.(\\d{1,2})$");
    private static final Pattern NUMBER = Pattern.compile("^(\\d{1,2})$");
    private static final Pattern PREFIX = Pattern.compile("^(tiêu chí|tieu chi|tc|khoản|khoan)\\s*", Pattern.CASE_INSENSITIVE);

    public CriterionCode {
        if (value == null || !(STANDARD.matcher(value).matches() || LEVEL4.matcher(value).matches())) {
            throw new IllegalArgumentException("Mã tiêu chí không hợp lệ: " + value);
        }
    }

    @JsonCreator
    public static CriterionCode parse(String text) {
        if (text == null) throw new IllegalArgumentException("Mã tiêu chí trống");
        String s = PREFIX.matcher(text.strip()).replaceFirst("").strip();
        s = s.replaceAll("[.:]+$", "").toUpperCase(Locale.ROOT);
        Matcher standard = STANDARD.matcher(s);
        if (standard.matches()) {
            return new CriterionCode(Integer.parseInt(standard.group(1)) + "." + Integer.parseInt(standard.group(2)));
        }
        Matcher number = NUMBER.matcher(s);
        if (number.matches()) return level4(Integer.parseInt(number.group(1)));
        Matcher level4 = LEVEL4.matcher(s);
        if (level4.matches()) return level4(Integer.parseInt(level4.group(1)));
        throw new IllegalArgumentException("Mã tiêu chí không hợp lệ: " + text);
    }

    public static CriterionCode level4(int number) { return new CriterionCode("M4." + number); }

    public boolean isLevel4() { return value.startsWith("M4."); }

    /** Standard number for "3.4"; 0 for level-4 criteria, which belong to no standard. */
    public int standardNo() { return isLevel4() ? 0 : Integer.parseInt(value.substring(0, value.indexOf('.'))); }

    @JsonValue
    @Override
    public String toString() { return value; }
}
