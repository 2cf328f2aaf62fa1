package vn.caitien.documents.read;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text helpers for what Vietnamese plans contain. Documents mix precomposed and decomposed
 * diacritics, no-break spaces and "Ủy"/"Uỷ" spellings, so matching is done on a folded copy
 * (lower case, no diacritics, đ → d) that keeps every character at the same index as the original:
 * a match found in the folded text can be cut out of the original.
 */
public final class VietnameseText {
    private static final Locale VI = Locale.forLanguageTag("vi");
    /** Parts of names that stay upper case: school-level and place abbreviations. */
    private static final Set<String> ABBREVIATIONS = Set.of("TH", "THCS", "THPT", "PTDTNT", "PTDTBT", "DTNT", "GDTX",
            "GDNN", "MN", "MG", "TP", "TP.HCM", "HCM", "UBND", "GDĐT", "GD&ĐT", "I", "II", "III", "IV", "V");
    /**
     * Phrases written in sentence case inside proper names ("Trường Tiểu học Lê Đình Chinh",
     * "Thành phố Hồ Chí Minh"): after title-casing every word, these are put back.
     */
    private static final List<String> SENTENCE_CASE = List.of("Trung học cơ sở", "Trung học phổ thông",
            "Tiểu học", "Mầm non", "Mẫu giáo", "Nhà trẻ", "Phổ thông", "Thành phố", "Thị xã", "Thị trấn",
            "Dân tộc nội trú", "Dân tộc bán trú", "Liên cấp");

    private VietnameseText() {
    }

    /** NFC, no-break spaces as spaces, one space between words, trimmed lines, no empty lines. */
    public static String clean(String raw) {
        if (raw == null) return "";
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ')
                .replace("\r\n", "\n").replace('\r', '\n').replace('\u000B', '\n').replace('\u2028', '\n')
                .replace('\t', ' ').replace("\u200B", "").replace("\uFEFF", "");
        List<String> lines = new ArrayList<>();
        for (String line : s.split("\n")) {
            String l = line.replaceAll(" {2,}", " ").strip();
            if (!l.isEmpty()) lines.add(l);
        }
        return String.join("\n", lines);
    }

    public static List<String> lines(String raw) {
        String cleaned = clean(raw);
        return cleaned.isEmpty() ? List.of() : List.of(cleaned.split("\n"));
    }

    /** The cell's lines joined by spaces: for values that do not care about line breaks. */
    public static String oneLine(String raw) { return clean(raw).replace('\n', ' '); }

    /** Lower case without diacritics, đ as d; same length and character positions as the input. */
    public static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'đ' || c == 'Đ') {
                out.append('d');
            } else if (c < 128) {
                out.append(Character.toLowerCase(c));
            } else {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                char b = base.charAt(0);
                out.append(Character.isLetter(b) ? Character.toLowerCase(b) : c);
            }
        }
        return out.toString();
    }

    /** Folded, with punctuation dropped and spaces collapsed: to compare names as written and as catalogued. */
    public static String comparable(String s) {
        return fold(clean(s)).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** True when the text has letters and none of them is lower case ("TRƯỜNG TIỂU HỌC ..."). */
    public static boolean isUpperCase(String s) {
        boolean letters = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters = true;
                if (Character.isLowerCase(c)) return false;
            }
        }
        return letters;
    }

    /**
     * "TRƯỜNG TIỂU HỌC LÊ ĐÌNH CHINH" → "Trường Tiểu học Lê Đình Chinh", "QUẬN 10" → "Quận 10".
     * Names already in mixed case are kept as written.
     */
    public static String properName(String text) {
        String s = clean(text).replace('\n', ' ');
        if (!isUpperCase(s)) return s;
        StringBuilder out = new StringBuilder();
        for (String word : s.split(" ")) {
            if (!out.isEmpty()) out.append(' ');
            out.append(ABBREVIATIONS.contains(word) || word.contains("&") ? word : capitalise(word.toLowerCase(VI)));
        }
        String named = out.toString();
        for (String phrase : SENTENCE_CASE) {
            String titled = titleEachWord(phrase);
            named = named.replace(titled, phrase);
        }
        return named;
    }

    /** First letter upper case, the rest as given. */
    public static String capitalise(String s) {
        if (s.isEmpty()) return s;
        int first = s.codePointAt(0);
        return new String(Character.toChars(Character.toUpperCase(first))) + s.substring(Character.charCount(first));
    }

    /** The text upper-cased the Vietnamese way, for headers written in capitals. */
    public static String upper(String s) { return s.toUpperCase(VI); }

    private static String titleEachWord(String phrase) {
        StringBuilder out = new StringBuilder();
        for (String w : phrase.split(" ")) {
            if (!out.isEmpty()) out.append(' ');
            out.append(capitalise(w));
        }
        return out.toString();
    }
}
