package vn.caitien.reporting.render;

import vn.caitien.readmodel.Labels;
import vn.caitien.reporting.report.MonitoringReport;
import vn.caitien.reporting.report.MonitoringReport.Item;
import vn.caitien.reporting.report.MonitoringReport.Overview;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of a monitoring report, shared by the HTML (and so PDF) and DOCX renderers so that
 * every format says exactly the same thing; the renderers only decide how it looks.
 */
final class ReportText {

    static final Locale VI = Locale.forLanguageTag("vi-VN");

    /** A piece of text with the emphasis the layout asks for. */
    record Line(String text, boolean bold, boolean italic) {
        static Line plain(String text) { return new Line(text, false, false); }

        static Line bold(String text) { return new Line(text, true, false); }

        static Line italic(String text) { return new Line(text, false, true); }
    }

    /** A column of table II: header text and share of the table width in percent. */
    record Column(String header, double widthPercent) {
    }

    /** A block of table II rows under one heading row ("Tiêu chuẩn 1: …" or "Tiêu chí mức 4"). */
    record Group(String heading, List<Item> items) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("TT", 3.5), new Column("Tiêu chí", 11), new Column("Kết quả cần đạt", 12.5),
            new Column("Công việc/giải pháp", 14.5), new Column("Chủ trì, phối hợp", 10),
            new Column("Thời gian", 8), new Column("Tiến độ, trạng thái", 11), new Column("Minh chứng", 10),
            new Column("Khó khăn, nguyên nhân", 11), new Column("Điều chỉnh", 8.5));

    /** Status codes and their words, in the circulars' order: the read model's labels. */
    private static final Map<String, String> STATUS_LABELS = Labels.progressStatuses();

    /** Administrative units whose managing body is their People's Committee (UBND). */
    private static final Pattern ADMIN_UNIT = Pattern.compile(
            "^(Quận|Huyện|Thị xã|Thành phố|Tỉnh|Phường|Xã|Thị trấn|Đặc khu)\\b.*", Pattern.UNICODE_CHARACTER_CLASS);
    /** School types as names start with them, longest alternatives first. */
    private static final Pattern SCHOOL_TYPE = Pattern.compile("^TRƯỜNG (PHỔ THÔNG DÂN TỘC (NỘI TRÚ|BÁN TRÚ)"
            + "( TRUNG HỌC CƠ SỞ| TRUNG HỌC PHỔ THÔNG| THCS| THPT| TIỂU HỌC)?|TIỂU HỌC VÀ TRUNG HỌC CƠ SỞ"
            + "|TRUNG HỌC CƠ SỞ VÀ TRUNG HỌC PHỔ THÔNG|TH VÀ THCS|THCS VÀ THPT|TRUNG HỌC CƠ SỞ|TRUNG HỌC PHỔ THÔNG"
            + "|PHỔ THÔNG|TIỂU HỌC|MẦM NON|MẪU GIÁO|THCS|THPT|PTDTNT|PTDTBT|TH)(?= )");
    /** "107/KH-LĐC" → "LĐC": the issuer's abbreviation after the document type. */
    private static final Pattern NUMBER_SUFFIX = Pattern.compile("^[^/]*/\\p{Lu}{1,6}-([\\p{Lu}\\d.]{1,12})$");

    private ReportText() {
    }

    static String upper(String s) { return s == null ? "" : s.strip().toUpperCase(VI); }

    static boolean blank(String s) { return s == null || s.isBlank(); }

    static String orEmpty(String s) { return s == null ? "" : s.strip(); }

    /** First header line: the managing body, "ỦY BAN NHÂN DÂN QUẬN 10"; empty when unknown. */
    static String managingBody(List<String> managingUnit) {
        if (managingUnit == null || managingUnit.isEmpty()) return "";
        String last = orEmpty(managingUnit.get(managingUnit.size() - 1));
        if (last.isEmpty()) return "";
        return ADMIN_UNIT.matcher(last).matches() ? "ỦY BAN NHÂN DÂN " + upper(last) : upper(last);
    }

    /**
     * "Số: ..../BC-TGS-LĐC": the report gets its own number when it is registered (văn thư), so the
     * number stays dotted; the plan's issuer abbreviation is kept when the plan number has one.
     */
    static String numberLine(String planNumber) {
        Matcher m = NUMBER_SUFFIX.matcher(orEmpty(planNumber));
        return "Số: ..../BC-TGS" + (m.matches() ? "-" + m.group(1) : "");
    }

    /**
     * "Quận 10, ngày 05 tháng 01 năm 2024": Nghị định 30/2020 writes a leading zero for days below 10
     * and for months 1 and 2 only (so "tháng 01" but "tháng 3"), to prevent later insertions.
     */
    static String placeAndDate(String place, LocalDate date) {
        String prefix = blank(place) ? "" : place.strip() + ", ";
        if (date == null) return prefix + "ngày .... tháng .... năm ....";
        int d = date.getDayOfMonth();
        int m = date.getMonthValue();
        return prefix + "ngày " + (d < 10 ? "0" + d : d) + " tháng " + (m < 3 ? "0" + m : m) + " năm " + date.getYear();
    }

    static boolean isDraft(MonitoringReport r) { return !MonitoringReport.SUBMITTED.equals(r.state()); }

    static List<String> title(MonitoringReport r) {
        String period = blank(r.periodLabel()) ? orEmpty(r.period()) : r.periodLabel().strip();
        String line3 = (period + " năm học " + orEmpty(r.schoolYear())).strip();
        // the subject is broken where it reads naturally instead of where the line happens to end
        return List.of("BÁO CÁO", "KẾT QUẢ GIÁM SÁT THỰC HIỆN KẾ HOẠCH", "CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC",
                Character.toUpperCase(line3.charAt(0)) + line3.substring(1));
    }

    /**
     * The school's name in upper case on one or two lines. The header column is narrow, so a long
     * name is broken after its school type ("TRƯỜNG TIỂU HỌC" / "LÊ ĐÌNH CHINH") as people do by
     * hand, or else at the space nearest the middle, rather than wherever the line overflows.
     */
    static List<String> schoolNameLines(String schoolName) {
        String name = upper(schoolName).replaceAll("\\s+", " ");
        if (name.length() <= 24) return List.of(name);
        Matcher type = SCHOOL_TYPE.matcher(name);
        if (type.find() && type.end() < name.length()) {
            return List.of(name.substring(0, type.end()).strip(), name.substring(type.end()).strip());
        }
        int middle = name.length() / 2;
        int best = -1;
        for (int i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) {
            if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
        }
        return best < 0 ? List.of(name) : List.of(name.substring(0, best), name.substring(best + 1));
    }

    /** Revision 1 is the submission, 2.. are corrections (plan-api ReportSubmitted). */
    static String correctionLine(MonitoringReport r) {
        if (r.revision() <= 1) return null;
        String reason = blank(r.correctionReason()) ? "" : " — lý do: " + r.correctionReason().strip();
        return "(Đính chính lần " + (r.revision() - 1) + reason + ")";
    }

    static String basis(MonitoringReport r) {
        StringBuilder s = new StringBuilder("Căn cứ Kế hoạch số ").append(orEmpty(r.documentNumber()))
                .append(" của ").append(orEmpty(r.schoolName()))
                .append(" về cải tiến chất lượng giáo dục năm học ").append(orEmpty(r.schoolYear()));
        if (!blank(r.frameworkTitle())) s.append("; tiêu chuẩn đánh giá: ").append(r.frameworkTitle().strip());
        return s.append(";").toString();
    }

    /** "158.000.000 đồng" whatever the JVM's locale data says. */
    static String money(long vnd) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(VI);
        symbols.setGroupingSeparator('.');
        return new DecimalFormat("#,##0", symbols).format(vnd) + " đồng";
    }

    /** "72,7%": one decimal, Vietnamese decimal comma, no trailing ",0". */
    static String percent(double value) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(VI);
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("0.#", symbols).format(value) + "%";
    }

    static String statusLabel(String status, String label) {
        if (!blank(label)) return label.strip();
        return Labels.progressStatus(orEmpty(status));
    }

    /**
     * Lines of "1. Tình hình chung"; the rate is recomputed from the counts it shows, never rounded twice
     * (the overview's completionRate is already rounded to three decimals: 1/16 would print 6,3% from it).
     */
    static List<String> overviewLines(Overview o) {
        List<String> lines = new ArrayList<>();
        if (o == null) return lines;
        lines.add("Tổng số nội dung cải tiến được giám sát: " + o.itemCount() + ".");
        Map<String, Integer> counts = o.countsByStatus() == null ? Map.of() : o.countsByStatus();
        lines.add("Số nội dung theo trạng thái:");
        for (var e : STATUS_LABELS.entrySet()) {
            lines.add("- " + e.getValue() + ": " + counts.getOrDefault(e.getKey(), 0) + ";");
        }
        new TreeMap<>(counts).forEach((code, n) -> {
            if (!STATUS_LABELS.containsKey(code)) lines.add("- " + code + ": " + n + ";");
        });
        String rate = o.itemCount() > 0 ? " (" + percent(100.0 * o.completed() / o.itemCount()) + ")" : "";
        lines.add("Tỷ lệ hoàn thành: " + o.completed() + "/" + o.itemCount() + rate + ".");
        lines.add("Số nội dung quá hạn: " + o.overdue() + ".");
        String spentShare = o.budgetPlanned() > 0
                ? " (bằng " + percent(100.0 * o.amountSpent() / o.budgetPlanned()) + " dự kiến)" : "";
        lines.add("Kinh phí: dự kiến " + money(o.budgetPlanned()) + "; đã chi " + money(o.amountSpent()) + spentShare + ".");
        return lines;
    }

    /** Multi-line user text as paragraphs; blank lines only separate them. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) out.add(line.strip());
        }
        return out;
    }

    static boolean isLevel4(Item item) {
        return orEmpty(item.criterionCode()).startsWith("M4.") || item.standardNo() <= 0;
    }

    /** Rows by standard in standard order (items keep their order inside), level-4 criteria last. */
    static List<Group> groups(List<Item> items) {
        Map<Integer, List<Item>> byStandard = new TreeMap<>();
        List<Item> level4 = new ArrayList<>();
        for (Item item : items == null ? List.<Item>of() : items) {
            if (isLevel4(item)) level4.add(item);
            else byStandard.computeIfAbsent(item.standardNo(), k -> new ArrayList<>()).add(item);
        }
        List<Group> groups = new ArrayList<>();
        byStandard.forEach((no, list) -> {
            String name = list.stream().map(Item::standardName).filter(n -> !blank(n)).findFirst().orElse("");
            groups.add(new Group("Tiêu chuẩn " + no + (name.isEmpty() ? "" : ": " + name.strip()), list));
        });
        if (!level4.isEmpty()) {
            level4.sort(Comparator.comparing(i -> orEmpty(i.criterionCode())));
            groups.add(new Group("Tiêu chí mức 4", level4));
        }
        return groups;
    }

    /** The ten cells of one item row, each a list of lines (one paragraph each). */
    static List<List<Line>> cells(Item i) {
        String code = orEmpty(i.criterionCode());
        List<Line> criterion = new ArrayList<>();
        criterion.add(Line.bold("Tiêu chí " + (code.startsWith("M4.") ? code.substring(3) : code)));
        if (!blank(i.criterionName())) criterion.add(Line.plain(i.criterionName().strip()));

        List<Line> tasks = new ArrayList<>();
        for (String t : i.tasks() == null ? List.<String>of() : i.tasks()) {
            if (!blank(t)) tasks.add(Line.plain(t.strip().startsWith("-") ? t.strip() : "- " + t.strip()));
        }

        List<Line> people = new ArrayList<>();
        if (!blank(i.lead())) people.add(Line.plain("Chủ trì: " + i.lead().strip()));
        List<String> coordinators = i.coordinators() == null ? List.of()
                : i.coordinators().stream().filter(c -> !blank(c)).map(String::strip).toList();
        if (!coordinators.isEmpty()) people.add(Line.plain("Phối hợp: " + String.join(", ", coordinators)));

        List<Line> time = lines(i.time());
        if (!blank(i.budget())) {
            String budget = i.budget().strip();
            time.add(Line.italic(budget.toLowerCase(VI).startsWith("kinh phí") ? budget : "Kinh phí: " + budget));
        }

        List<Line> progress = new ArrayList<>();
        progress.add(Line.bold(statusLabel(i.status(), i.statusLabel()) + (i.percent() == null ? "" : " (" + i.percent() + "%)")));
        if (i.overdue()) progress.add(Line.bold("quá hạn"));
        // the report builder repeats an unfinished item's narrative as its problems: say it once
        if (!orEmpty(i.progressNarrative()).equals(orEmpty(i.problems()))) progress.addAll(lines(i.progressNarrative()));

        List<Line> evidence = new ArrayList<>();
        for (String e : i.evidenceCodes() == null ? List.<String>of() : i.evidenceCodes()) {
            if (!blank(e)) evidence.add(Line.plain(e.strip()));
        }
        return List.of(List.of(Line.plain(String.valueOf(i.no()))), criterion, lines(i.targetResult()), tasks,
                people, time, progress, evidence, lines(i.problems()), lines(i.adjustments()));
    }

    private static List<Line> lines(String text) {
        return new ArrayList<>(paragraphs(text).stream().map(Line::plain).toList());
    }

    /** III. Kiến nghị: a draft leaves dotted lines for the team to write in. */
    static List<String> recommendations(MonitoringReport r) {
        List<String> lines = paragraphs(r.recommendations());
        if (!lines.isEmpty()) return lines;
        return isDraft(r) ? List.of(DOTS, DOTS) : List.of("Không có kiến nghị.");
    }

    private static final String DOTS = ".".repeat(90);

    /** "Nơi nhận" lines; the archive copy ("Lưu VT.") always closes the list, as Nghị định 30 wants. */
    static List<String> recipients(List<String> recipients) {
        List<String> out = new ArrayList<>();
        for (String r : recipients == null ? List.<String>of() : recipients) {
            if (blank(r)) continue;
            String s = r.strip().replaceAll("^-\\s*", "").replaceAll("[;.]+$", "");
            if (!s.matches("(?i)lưu:?\\s*vt")) out.add("- " + s + ";");
        }
        out.add("- Lưu VT.");
        return out;
    }
}
