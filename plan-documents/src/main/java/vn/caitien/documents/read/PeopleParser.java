package vn.caitien.documents.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Chủ trì và phối hợp thực hiện": the first role or person leads, the rest coordinate. People are
 * separated by line breaks, " - ", hyphens between role abbreviations ("BGH-GV-NV") and commas. A
 * comma can also sit inside one name ("Hội đồng lựa chọn đồ dùng, đồ chơi, thiết bị dạy học"), so a
 * comma starts a new person only when what follows reads like one: a capital letter, an
 * abbreviation or a word that names a role or a body ("giáo viên", "tổ trưởng", "các ban ngành").
 * Cells labelled "Chủ trì: ...⏎Phối hợp: ..." are read by their labels.
 */
public final class PeopleParser {
    private static final Pattern LABEL = Pattern.compile("^(chu tri|phoi hop)\\s*[:\\-–]\\s*");
    private static final Pattern SPACED_DASH = Pattern.compile("\\s+[-–—]\\s+|;");
    private static final Pattern BULLET = Pattern.compile("^[-–—+•*·]\\s*");
    private static final Pattern QUANTIFIER = Pattern.compile("^(cac|nhung|toan the|tat ca)\\s+");
    /** Folded first words of a role or a body: what a new person in a comma list starts with. */
    private static final List<String> ROLES = List.of("hieu truong", "pho hieu truong", "hieu pho", "giao vien",
            "nhan vien", "can bo", "to ", "to truong", "to pho", "ban ", "hoi dong", "doi ", "doi", "doan", "chi bo",
            "chi doan", "cong doan", "cha me", "phu huynh", "hoc sinh", "ke toan", "thu quy", "van thu", "y te",
            "bao ve", "cap duong", "tong phu trach", "uy ban", "phong ", "so ", "truong ", "lop", "khoi",
            "thanh vien", "chu tich", "bi thu", "dai dien", "nganh", "doi ngu", "gv", "nv", "cb", "giam sat",
            "thu vien", "chuyen vien", "lanh dao", "dia phuong", "cong an", "tram", "hoi ", "chi hoi");

    /** Lead (null when the cell is empty) and coordinators, in the order written. */
    public record People(String lead, List<String> coordinators) {
        public People {
            coordinators = List.copyOf(coordinators);
        }
    }

    private PeopleParser() {
    }

    public static People parse(String raw) {
        List<String> leads = new ArrayList<>();
        List<String> others = new ArrayList<>();
        boolean labelled = false;
        List<String> target = leads;
        for (String line : VietnameseText.lines(raw)) {
            Matcher label = LABEL.matcher(VietnameseText.fold(line));
            if (label.find()) {
                labelled = true;
                target = label.group(1).equals("chu tri") ? leads : others;
                line = line.substring(label.end());
            }
            target.addAll(split(line));
        }
        if (!labelled) {
            List<String> all = leads;
            return all.isEmpty() ? new People(null, List.of()) : new People(all.get(0), all.subList(1, all.size()));
        }
        List<String> coordinators = new ArrayList<>(leads.size() > 1 ? leads.subList(1, leads.size()) : List.of());
        coordinators.addAll(others);
        return new People(leads.isEmpty() ? null : leads.get(0), coordinators);
    }

    /**
     * The lead and coordinators as one cell that {@link #parse} reads back the same: comma-separated
     * when every coordinator would start a new person after a comma, otherwise one per line.
     */
    public static String format(String lead, List<String> coordinators) {
        List<String> people = new ArrayList<>();
        if (lead != null && !lead.isBlank()) people.add(lead.strip());
        coordinators.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).forEach(people::add);
        if (lead == null || lead.isBlank()) {
            return people.isEmpty() ? "" : "Phối hợp: " + String.join(", ", people);
        }
        boolean commas = people.stream().skip(1).allMatch(PeopleParser::startsPerson);
        return String.join(commas ? ", " : "\n", people);
    }

    private static List<String> split(String line) {
        List<String> people = new ArrayList<>();
        for (String part : SPACED_DASH.split(line)) {
            for (String piece : splitAbbreviationHyphens(part)) {
                String current = null;
                for (String segment : piece.split(",")) {
                    String s = clean(segment);
                    if (s.isEmpty()) continue;
                    if (current == null || startsPerson(s)) {
                        if (current != null) people.add(current);
                        current = s;
                    } else {
                        current = current + ", " + s;
                    }
                }
                if (current != null) people.add(current);
            }
        }
        return people;
    }

    /** "CB-GV-NV-CMHS trường" → CB | GV | NV | CMHS trường; "329-331" and "Gia đình-Nhà trường" stay. */
    private static List<String> splitAbbreviationHyphens(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c != '-' && c != '–') continue;
            if (Character.isWhitespace(text.charAt(i - 1)) || Character.isWhitespace(text.charAt(i + 1))) continue;
            if (isAbbreviation(wordBefore(text, i)) || isAbbreviation(wordAfter(text, i))) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }

    static boolean startsPerson(String segment) {
        String s = clean(segment);
        if (s.isEmpty()) return false;
        if (Character.isUpperCase(s.codePointAt(0)) || Character.isDigit(s.charAt(0))) return true;
        String f = QUANTIFIER.matcher(VietnameseText.fold(s)).replaceFirst("");
        return ROLES.stream().anyMatch(role -> f.startsWith(role) && (role.endsWith(" ")
                || f.length() == role.length() || !Character.isLetter(f.charAt(role.length()))));
    }

    private static String wordBefore(String text, int at) {
        int start = at;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && text.charAt(start - 1) != '-') start--;
        return text.substring(start, at);
    }

    private static String wordAfter(String text, int at) {
        int end = at + 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '-') end++;
        return text.substring(at + 1, end);
    }

    /** "BGH", "GV", "CMHS", "GDĐT": two or more capital letters and nothing else. */
    private static boolean isAbbreviation(String word) {
        return word.length() >= 2 && word.codePoints().allMatch(Character::isUpperCase);
    }

    private static String clean(String s) {
        return BULLET.matcher(s.strip()).replaceFirst("").replaceAll("[\\s.;,]+$", "").strip();
    }
}
