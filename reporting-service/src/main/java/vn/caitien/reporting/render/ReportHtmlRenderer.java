package vn.caitien.reporting.render;

import org.springframework.stereotype.Component;
import vn.caitien.reporting.report.MonitoringReport;
import vn.caitien.reporting.report.MonitoringReport.Item;
import vn.caitien.reporting.render.ReportText.Column;
import vn.caitien.reporting.render.ReportText.Group;
import vn.caitien.reporting.render.ReportText.Line;

import java.util.ArrayList;
import java.util.List;

import static vn.caitien.reporting.render.ReportText.blank;
import static vn.caitien.reporting.render.ReportText.orEmpty;

/**
 * A monitoring report as one self-contained XHTML document: browsers show it as is and
 * {@link ReportPdfRenderer} feeds it to openhtmltopdf, which needs well-formed XML (hence only
 * numeric character references and every piece of user text escaped here).
 */
@Component
public class ReportHtmlRenderer {

    /**
     * Nghị định 30/2020 page: A4, margins top/bottom 2 cm, left 3 cm, right 2 cm, page number
     * centred in the top margin and hidden on page 1. Table II goes on landscape pages of its own
     * (named page) so its ten columns stay readable. Times New Roman comes first for browsers; the
     * PDF renderer has no Times, skips it and uses the embedded DejaVu Serif, which has Vietnamese.
     */
    private static final String CSS = """
            @page { size: A4 portrait; margin: 2cm 2cm 2cm 3cm;
              @top-center { content: counter(page); font-family: 'Times New Roman', 'DejaVu Serif', serif; font-size: 11pt; } }
            @page :first { @top-center { content: none; } }
            @page landscape { size: A4 landscape; margin: 2cm 2cm 1.5cm 2cm; }
            .landscape { page: landscape; }
            body { font-family: 'Times New Roman', 'DejaVu Serif', serif; font-size: 12pt; line-height: 1.3; color: #000;
              margin: 0; }
            p { margin: 0 0 5pt 0; text-align: justify; }
            p.indent { text-indent: 1cm; }
            table.head, table.sign { width: 100%; border-collapse: collapse; }
            table.head td, table.sign td { vertical-align: top; text-align: center; padding: 0; }
            table.head td { font-size: 11pt; }
            .rule { width: 30%; margin: 1pt auto 4pt auto; border-top: 0.8pt solid #000; }
            .motto { display: inline-block; border-bottom: 0.8pt solid #000; padding-bottom: 1pt; font-weight: bold; font-size: 12pt; }
            .date { font-style: italic; margin-top: 6pt; }
            .draft { text-align: right; margin-bottom: 4pt; }
            .draft span { display: inline-block; white-space: nowrap; border: 1.5pt solid #000; padding: 2pt 8pt; font-weight: bold; letter-spacing: 1pt; }
            .title { text-align: center; font-weight: bold; font-size: 13pt; margin: 16pt 0 4pt 0; }
            .title .kind { font-size: 14pt; }
            .correction { text-align: center; font-style: italic; margin-bottom: 4pt; }
            h2 { font-size: 12pt; font-weight: bold; margin: 10pt 0 5pt 0; page-break-after: avoid; }
            h3 { font-size: 12pt; font-weight: bold; margin: 6pt 0 4pt 0; page-break-after: avoid; }
            table.items { width: 25.6cm; border-collapse: collapse; font-size: 9.5pt; line-height: 1.2;
              -fs-table-paginate: paginate; }
            table.items th, table.items td { border: 0.6pt solid #000; padding: 2pt 3pt; vertical-align: top; text-align: left; }
            table.items th { text-align: center; vertical-align: middle; background: #e8e8e8; }
            table.items tr, table.items tbody.keep { page-break-inside: avoid; }
            table.items td.no { text-align: center; }
            table.items tr.group td { font-weight: bold; background: #f4f4f4; }
            table.sign { margin-top: 14pt; page-break-inside: avoid; }
            table.sign td.signer { font-weight: bold; }
            table.sign .space { height: 2.6cm; }
            table.sign td.to { text-align: left; font-size: 11pt; padding-top: 10pt; }
            .to .label { font-size: 12pt; font-weight: bold; font-style: italic; }
            @media screen { body { max-width: 26cm; margin: 1cm auto; padding: 0 1cm; } table.items { width: 100%; } }
            """;

    /** The whole report as an XHTML document (UTF-8 text). */
    public String render(MonitoringReport report) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"vi\" xml:lang=\"vi\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n")
                .append("<title>").append(esc(documentTitle(report))).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<div class=\"portrait\">\n");
        if (ReportText.isDraft(report)) h.append("<div class=\"draft\"><span>DỰ THẢO</span></div>\n");
        header(h, report);
        title(h, report);
        h.append("<p class=\"indent\">").append(esc(ReportText.basis(report))).append("</p>\n");
        overview(h, report);
        h.append("</div>\n<div class=\"landscape\">\n");
        items(h, report.items());
        h.append("</div>\n<div class=\"portrait\">\n<h2>III. KIẾN NGHỊ</h2>\n");
        paragraphs(h, ReportText.recommendations(report));
        signatures(h, report);
        h.append("</div>\n</body>\n</html>\n");
        return h.toString();
    }

    static String documentTitle(MonitoringReport r) {
        return "Báo cáo kết quả giám sát thực hiện kế hoạch cải tiến chất lượng giáo dục - "
                + ReportText.title(r).get(ReportText.title(r).size() - 1) + " - " + orEmpty(r.schoolName());
    }

    private static void header(StringBuilder h, MonitoringReport r) {
        String body = ReportText.managingBody(r.managingUnit());
        // 40/60: the national heading needs one unbroken line of the right column
        h.append("<table class=\"head\"><tr>\n<td style=\"width: 40%\">");
        if (!body.isEmpty()) h.append(esc(body)).append("<br/>");
        for (String line : ReportText.schoolNameLines(r.schoolName())) h.append("<b>").append(esc(line)).append("</b><br/>");
        h.append("<b>TỔ GIÁM SÁT</b>")
                .append("<div class=\"rule\"></div>").append(esc(ReportText.numberLine(r.documentNumber())))
                .append("</td>\n<td style=\"width: 60%\"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br/>")
                .append("<span class=\"motto\">Độc lập - Tự do - Hạnh phúc</span>")
                .append("<div class=\"date\">").append(esc(ReportText.placeAndDate(r.place(), r.reportDate())))
                .append("</div></td>\n</tr></table>\n");
    }

    private static void title(StringBuilder h, MonitoringReport r) {
        List<String> lines = ReportText.title(r);
        h.append("<div class=\"title\"><div class=\"kind\">").append(esc(lines.get(0))).append("</div>");
        for (String line : lines.subList(1, lines.size())) h.append("<div>").append(esc(line)).append("</div>");
        h.append("<div class=\"rule\" style=\"width: 25%; margin-top: 3pt\"></div></div>\n");
        String correction = ReportText.correctionLine(r);
        if (correction != null) h.append("<div class=\"correction\">").append(esc(correction)).append("</div>\n");
    }

    private static void overview(StringBuilder h, MonitoringReport r) {
        h.append("<h2>I. KHÁI QUÁT TÌNH HÌNH THỰC HIỆN</h2>\n");
        // Sub-headings are numbered by what is present so a missing text leaves no gap.
        List<String[]> parts = new ArrayList<>();
        parts.add(new String[] {"Tình hình chung", null});
        if (!blank(r.summary())) parts.add(new String[] {"Nhận xét chung", r.summary()});
        if (!blank(r.findings())) parts.add(new String[] {"Những vấn đề phát hiện qua giám sát", r.findings()});
        for (int i = 0; i < parts.size(); i++) {
            h.append("<h3>").append(i + 1).append(". ").append(esc(parts.get(i)[0])).append("</h3>\n");
            paragraphs(h, i == 0 ? ReportText.overviewLines(r.overview()) : ReportText.paragraphs(parts.get(i)[1]));
        }
    }

    private static void items(StringBuilder h, List<Item> items) {
        h.append("<h2>II. KẾT QUẢ THỰC HIỆN TỪNG NỘI DUNG</h2>\n<table class=\"items\">\n<colgroup>");
        for (Column c : ReportText.COLUMNS) h.append("<col style=\"width: ").append(c.widthPercent()).append("%\"/>");
        h.append("</colgroup>\n<thead><tr>");
        for (Column c : ReportText.COLUMNS) h.append("<th>").append(esc(c.header())).append("</th>");
        h.append("</tr></thead>\n");
        List<Group> groups = ReportText.groups(items);
        if (groups.isEmpty()) {
            h.append("<tbody><tr><td colspan=\"").append(ReportText.COLUMNS.size())
                    .append("\">Kế hoạch chưa có nội dung cải tiến.</td></tr></tbody>\n");
        }
        for (Group g : groups) {
            // the heading row and the group's first row share an unbreakable row group, so a
            // heading never ends a page alone
            h.append("<tbody class=\"keep\"><tr class=\"group\"><td colspan=\"").append(ReportText.COLUMNS.size())
                    .append("\">").append(esc(g.heading())).append("</td></tr>\n");
            for (int n = 0; n < g.items().size(); n++) {
                if (n == 1) h.append("</tbody><tbody>\n");
                Item item = g.items().get(n);
                h.append("<tr>");
                List<List<Line>> cells = ReportText.cells(item);
                for (int c = 0; c < cells.size(); c++) {
                    h.append(c == 0 ? "<td class=\"no\">" : "<td>");
                    List<Line> lines = cells.get(c);
                    for (int l = 0; l < lines.size(); l++) {
                        if (l > 0) h.append("<br/>");
                        line(h, lines.get(l));
                    }
                    h.append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n");
        }
        h.append("</table>\n");
    }

    private static void signatures(StringBuilder h, MonitoringReport r) {
        h.append("<table class=\"sign\"><tr>\n<td class=\"signer\" style=\"width: 50%\">DUYỆT CỦA HIỆU TRƯỞNG")
                .append("<div class=\"space\"></div>").append(esc(orEmpty(r.principal())))
                .append("</td>\n<td class=\"signer\" style=\"width: 50%\">TỔ TRƯỞNG TỔ GIÁM SÁT")
                .append("<div class=\"space\"></div>").append(esc(orEmpty(r.monitoringLead())))
                .append("</td>\n</tr><tr>\n<td class=\"to\" colspan=\"2\"><span class=\"label\">Nơi nhận:</span>");
        for (String line : ReportText.recipients(r.recipients())) h.append("<br/>").append(esc(line));
        h.append("</td>\n</tr></table>\n");
    }

    private static void paragraphs(StringBuilder h, List<String> lines) {
        for (String line : lines) h.append("<p class=\"indent\">").append(esc(line)).append("</p>\n");
    }

    private static void line(StringBuilder h, Line line) {
        if (line.bold()) h.append("<b>");
        if (line.italic()) h.append("<i>");
        h.append(esc(line.text()));
        if (line.italic()) h.append("</i>");
        if (line.bold()) h.append("</b>");
    }

    /**
     * Escapes text for XHTML content and attribute values. Characters XML 1.0 forbids (most
     * control characters, lone surrogates) are dropped, since one of them would make the whole
     * document unparsable for the PDF renderer.
     */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c == '\t' || c == '\n' || c == '\r'
                            || (c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c))) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
