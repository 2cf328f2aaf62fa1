package vn.caitien.documents.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The legal bases ("căn cứ") of a plan: the numbered or bulleted lines of the section whose heading
 * says "CĂN CỨ" ("II. CĂN CỨ XÂY DỰNG KẾ HOẠCH"), or, in plans written as an administrative preamble,
 * the lines that begin with "Căn cứ". Numbering and the closing ";" or "." are dropped.
 */
final class LegalBases {
    private static final Pattern NUMBERING = Pattern.compile("^(\\d{1,2}\\s*[.)/]|[a-zđ]\\s*\\)|[-+•*–])\\s*");
    private static final Pattern ROMAN_HEADING = Pattern.compile("^[ivx]+\\s*[.)]\\s+\\S");

    private LegalBases() {
    }

    static List<String> read(List<String> lines) {
        List<String> bases = new ArrayList<>();
        int heading = -1;
        for (int i = 0; i < lines.size() && heading < 0; i++) {
            String f = VietnameseText.fold(lines.get(i));
            boolean isHeading = ROMAN_HEADING.matcher(f).find() || VietnameseText.isUpperCase(lines.get(i));
            if (isHeading && f.contains("can cu")) heading = i;
        }
        if (heading >= 0) {
            for (int i = heading + 1; i < lines.size(); i++) {
                String line = lines.get(i);
                String f = VietnameseText.fold(line);
                if (ROMAN_HEADING.matcher(f).find() || VietnameseText.isUpperCase(line)) break;
                var numbering = NUMBERING.matcher(f);
                if (numbering.find()) {
                    bases.add(strip(line.substring(numbering.end())));
                } else if (f.startsWith("can cu")) {
                    bases.add(strip(line));
                } else {
                    break;
                }
            }
            return bases.stream().filter(b -> !b.isEmpty()).toList();
        }
        for (String line : lines) {
            if (VietnameseText.fold(line).startsWith("can cu ")) bases.add(strip(line));
        }
        return bases.stream().filter(b -> !b.isEmpty()).toList();
    }

    private static String strip(String s) { return s.replaceAll("[\\s;.,]+$", "").strip(); }
}
