package vn.caitien.documents.read;

import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.plan.SchoolYear;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the administrative header of a plan (Nghị định 30/2020 layout): managing unit and school
 * on the left with the document number, the national motto with place and date on the right, then
 * the title with the school year, then the sections, of which "CĂN CỨ" lists the legal bases.
 * Lines are matched by what they say, not by position, so the header may come from a two-column
 * Word table, plain paragraphs or Excel rows.
 */
public final class HeaderParser {
    /** Stored as the document number when the plan has none and none was given: the command needs one. */
    public static final String NO_NUMBER = "(chưa ghi số)";
    private static final Pattern TITLE = Pattern.compile("^ke hoach\\b");
    private static final Pattern SCHOOL = Pattern.compile("^truong\\s+\\S");
    private static final Pattern UNIT = Pattern.compile("^(uy ban nhan dan|ubnd|phong giao duc( va |\\s*[-&]\\s*)dao tao"
            + "|phong gd\\s*(&|va|-)?\\s*dt|phong gddt|so giao duc( va |\\s*[-&]\\s*)dao tao|so gd\\s*(&|va|-)?\\s*dt|so gddt)"
            + "\\s*[:\\-]?\\s*");
    private static final Pattern NUMBER = Pattern.compile("^so\\s*(?:[:.]|(?=\\d))\\s*");
    private static final Pattern PLACE_DATE = Pattern.compile(
            "^(?<place>.{0,80}?)[,\\s]*ngay\\s*(?<d>\\d{1,2})\\s*(?:thang\\s*|/\\s*)(?<m>\\d{1,2})\\s*(?:nam\\s*|/\\s*)(?<y>\\d{4})");
    private static final Pattern SCHOOL_YEAR = Pattern.compile("nam hoc\\s*:?\\s*(\\d{4})\\s*[-–—/]\\s*(\\d{4})");
    private static final Pattern HEADING = Pattern.compile("^([ivx]+|[a-d])\\s*[.)]\\s+\\S");

    private final List<String> lines;
    private final Map<String, String> properties;
    private final Diagnostics diagnostics;
    private final int titleIndex;
    /** The line the school year was read from, kept as the original text. */
    private String schoolYearLine;

    private HeaderParser(SourceDocument doc, Diagnostics diagnostics) {
        this.lines = doc.before();
        this.properties = doc.properties();
        this.diagnostics = diagnostics;
        int title = -1;
        for (int i = 0; i < lines.size() && title < 0; i++) {
            if (TITLE.matcher(fold(i)).find() && VietnameseText.isUpperCase(lines.get(i))) title = i;
        }
        this.titleIndex = title;
    }

    /** The header without framework: {@link FrameworkChoice} decides that from the header and the hints. */
    public static ParsedHeader parse(SourceDocument doc, ImportHints hints, Diagnostics diagnostics) {
        return new HeaderParser(doc, diagnostics).parse(hints, FooterParser.parse(doc.after()));
    }

    private ParsedHeader parse(ImportHints hints, FooterParser.Footer footer) {
        int headerEnd = titleIndex >= 0 ? titleIndex : firstHeading();
        int schoolAt = find(SCHOOL, 0, headerEnd);
        if (schoolAt < 0) schoolAt = findUpper(SCHOOL, 0, lines.size());
        String schoolLine = schoolAt < 0 ? null : lines.get(schoolAt);
        String schoolName = schoolName(schoolLine);
        SchoolType type = schoolName == null ? null : schoolType(schoolName);
        if (schoolName == null) {
            diagnostics.fatal("school.name", "Không tìm thấy tên trường (dòng “TRƯỜNG …” ở đầu văn bản)");
        } else if (type == null) {
            diagnostics.warn(null, null, "school.type", "Tên trường “" + schoolName
                    + "” không cho biết loại hình (Mầm non, Tiểu học, THCS, THPT)");
        }
        int unitAt = unitLine(schoolAt, headerEnd);
        String unitLine = unitAt < 0 ? null : lines.get(unitAt);
        int numberAt = find(NUMBER, 0, Math.max(headerEnd, 0));
        String numberLine = numberAt < 0 ? null : lines.get(numberAt);
        String placeDateLine = null;
        LocalDate issueDate = null;
        String issuePlace = null;
        for (int i = 0; i < headerEnd && placeDateLine == null; i++) {
            Matcher m = PLACE_DATE.matcher(fold(i));
            if (!m.find()) continue;
            placeDateLine = lines.get(i);
            String place = placeDateLine.substring(0, m.end("place")).replaceAll("[,\\s]+$", "").strip();
            issuePlace = place.isEmpty() ? null : place;
            try {
                issueDate = LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
                        Integer.parseInt(m.group("d")));
            } catch (DateTimeException e) {
                diagnostics.warn(null, null, "issueDate", "Ngày ban hành “" + placeDateLine + "” không hợp lệ");
            }
        }
        if (placeDateLine == null) {
            diagnostics.warn(null, null, "issueDate", "Không tìm thấy địa danh, ngày ban hành (vd. “Quận 10, ngày 18 tháng 8 năm 2023”)");
        }
        SchoolYear year = schoolYear(hints, issueDate);
        return new ParsedHeader(schoolName, type, managingUnit(hints, unitLine), documentNumber(hints, numberLine),
                issueDate, issuePlace, year, null, title(), LegalBases.read(lines), footer.signerTitle(), footer.signerName(),
                footer.recipients(), new ParsedHeader.Texts(schoolLine, unitLine, numberLine, placeDateLine, schoolYearLine));
    }

    private String schoolName(String line) {
        if (line == null) return null;
        String stored = properties.get(SourceDocument.PROPERTY_SCHOOL_NAME);
        // An exported plan stores the exact name; it counts only while the printed name still says the same.
        if (stored != null && VietnameseText.comparable(stored).equals(VietnameseText.comparable(line))) return stored;
        return VietnameseText.properName(line);
    }

    static SchoolType schoolType(String name) {
        String f = " " + VietnameseText.comparable(name) + " ";
        boolean primary = f.contains(" tieu hoc ") || f.contains(" th ");
        boolean lower = f.contains(" thcs ") || f.contains(" trung hoc co so ");
        boolean upper = f.contains(" thpt ") || f.contains(" trung hoc pho thong ");
        if (f.contains(" mam non ") || f.contains(" mau giao ") || f.contains(" nha tre ")) return SchoolType.MAM_NON;
        if ((primary ? 1 : 0) + (lower ? 1 : 0) + (upper ? 1 : 0) > 1 || f.contains(" lien cap ")
                || f.contains(" nhieu cap ")) return SchoolType.PHO_THONG_NHIEU_CAP;
        if (primary) return SchoolType.TIEU_HOC;
        if (lower) return SchoolType.THCS;
        if (upper) return SchoolType.THPT;
        return null;
    }

    private int unitLine(int schoolAt, int headerEnd) {
        int limit = schoolAt >= 0 ? schoolAt : Math.max(headerEnd, 0);
        int at = find(UNIT, 0, limit);
        if (at >= 0 || schoolAt <= 0) return at;
        String before = lines.get(schoolAt - 1);
        String f = fold(schoolAt - 1);
        boolean motto = f.startsWith("cong hoa") || f.startsWith("doc lap");
        return VietnameseText.isUpperCase(before) && !motto ? schoolAt - 1 : -1;
    }

    /** How a header prints a managing unit: "Quận 10" → "ỦY BAN NHÂN DÂN QUẬN 10"; named bodies as they are. */
    public static String unitLine(String unit) {
        String upper = VietnameseText.upper(VietnameseText.oneLine(unit));
        return UNIT.matcher(VietnameseText.fold(upper)).find() ? upper : "ỦY BAN NHÂN DÂN " + upper;
    }

    private List<String> managingUnit(ImportHints hints, String unitLine) {
        String derived = null;
        if (unitLine != null) {
            Matcher m = UNIT.matcher(VietnameseText.fold(unitLine));
            derived = VietnameseText.properName(m.find() ? unitLine.substring(m.end()) : unitLine);
            if (derived.isBlank()) derived = null;
        }
        if (!hints.managingUnit().isEmpty()) {
            String given = hints.managingUnit().get(hints.managingUnit().size() - 1);
            if (derived != null && !VietnameseText.comparable(given).equals(VietnameseText.comparable(derived))) {
                diagnostics.warn(null, null, "school.managingUnit", "Đơn vị quản lý gửi kèm (" + given
                        + ") khác dòng đầu văn bản (“" + unitLine + "”); dùng giá trị gửi kèm");
            }
            return hints.managingUnit();
        }
        List<String> stored = ImportHints.path(properties.get(SourceDocument.PROPERTY_MANAGING_UNIT));
        // An exported plan stores the full path; it counts while the printed unit line still says the same.
        if (!stored.isEmpty() && (unitLine == null || VietnameseText.comparable(unitLine(stored.get(stored.size() - 1)))
                .equals(VietnameseText.comparable(unitLine)))) {
            return stored;
        }
        if (derived == null) {
            diagnostics.warn(null, null, "school.managingUnit", "Văn bản không ghi đơn vị quản lý; hãy gửi tham số "
                    + "managingUnit (vd. “Thành phố Hồ Chí Minh/Quận 10”)");
            return List.of();
        }
        diagnostics.warn(null, null, "school.managingUnit", "Văn bản chỉ ghi “" + unitLine + "”: ghi nhận đơn vị “"
                + derived + "”, chưa rõ đơn vị cấp trên; hãy gửi tham số managingUnit (vd. “Thành phố Hồ Chí Minh/"
                + derived + "”) để ghi đủ");
        return List.of(derived);
    }

    private String documentNumber(ImportHints hints, String numberLine) {
        if (hints.documentNumber() != null) return hints.documentNumber();
        if (numberLine != null) {
            Matcher m = NUMBER.matcher(VietnameseText.fold(numberLine));
            String number = m.find() ? numberLine.substring(m.end()).strip() : numberLine;
            if (number.matches(".*\\d.*") && !number.equals(NO_NUMBER)) return number;
        }
        diagnostics.warn(null, null, "documentNumber", "Văn bản không ghi số hiệu"
                + (numberLine == null ? "" : " (“" + numberLine + "”)") + "; tạm ghi “" + NO_NUMBER
                + "”. Hãy gửi tham số documentNumber (vd. 107/KH-LĐC) để ghi số đúng");
        return NO_NUMBER;
    }

    private SchoolYear schoolYear(ImportHints hints, LocalDate issueDate) {
        if (hints.schoolYear() != null) return hints.schoolYear();
        int from = Math.max(titleIndex, 0);
        for (int pass = 0; pass < 2; pass++) {
            int start = pass == 0 ? from : 0;
            int end = pass == 0 ? Math.min(lines.size(), from + 6) : lines.size();
            for (int i = start; i < end; i++) {
                Matcher m = SCHOOL_YEAR.matcher(fold(i));
                if (!m.find()) continue;
                schoolYearLine = lines.get(i);
                try {
                    return SchoolYear.parse(m.group(1) + "-" + m.group(2));
                } catch (IllegalArgumentException e) {
                    diagnostics.fatal("schoolYear", "Năm học “" + lines.get(i) + "” không hợp lệ: " + e.getMessage());
                    return null;
                }
            }
        }
        if (issueDate != null) {
            SchoolYear year = SchoolYear.containing(issueDate);
            diagnostics.warn(null, null, "schoolYear", "Văn bản không ghi năm học; suy ra " + year + " từ ngày ban hành");
            return year;
        }
        diagnostics.fatal("schoolYear", "Không tìm thấy năm học (vd. “Năm học 2023 - 2024”); hãy gửi tham số schoolYear");
        return null;
    }

    /** "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC": the upper-case lines from "KẾ HOẠCH" on. */
    private String title() {
        if (titleIndex < 0) return null;
        List<String> parts = new ArrayList<>();
        for (int i = titleIndex; i < lines.size() && VietnameseText.isUpperCase(lines.get(i))
                && !HEADING.matcher(fold(i)).find(); i++) {
            parts.add(lines.get(i));
        }
        return String.join(" ", parts);
    }

    private int firstHeading() {
        for (int i = 0; i < lines.size() && i < 15; i++) if (HEADING.matcher(fold(i)).find()) return i;
        return Math.min(lines.size(), 12);
    }

    private int find(Pattern pattern, int from, int to) {
        for (int i = from; i < Math.min(to, lines.size()); i++) if (pattern.matcher(fold(i)).find()) return i;
        return -1;
    }

    private int findUpper(Pattern pattern, int from, int to) {
        for (int i = from; i < Math.min(to, lines.size()); i++) {
            if (pattern.matcher(fold(i)).find() && VietnameseText.isUpperCase(lines.get(i))) return i;
        }
        return -1;
    }

    private String fold(int i) { return VietnameseText.fold(lines.get(i)); }
}
