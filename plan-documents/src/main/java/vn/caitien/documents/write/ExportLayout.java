package vn.caitien.documents.write;

import vn.caitien.api.catalog.Framework;
import vn.caitien.api.catalog.Level4Criterion;
import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.item.Budget;
import vn.caitien.api.item.CriterionCode;
import vn.caitien.api.item.Schedule;
import vn.caitien.api.plan.SchoolYear;
import vn.caitien.documents.read.BudgetParser;
import vn.caitien.documents.read.HeaderParser;
import vn.caitien.documents.read.PeopleParser;
import vn.caitien.documents.read.ScheduleParser;
import vn.caitien.documents.read.SourceDocument;
import vn.caitien.documents.read.VietnameseText;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lays a {@link PlanToExport} out as the printed plan. Items keep their order; a level row is written
 * whenever the level group changes and a standard row whenever the standard changes, as the
 * source documents do. Schedules and budgets are written as their original text when reading that
 * text back gives the same typed values, otherwise as a canonical text that does, so an exported
 * file imports back to the same plan.
 */
public final class ExportLayout {

    private ExportLayout() {
    }

    public static ExportDocument layout(PlanToExport plan, Framework framework) {
        List<String> units = plan.school() == null ? List.of() : plan.school().managingUnit();
        String school = plan.school() == null ? plan.schoolName() : plan.school().name();
        Map<String, String> properties = new HashMap<>();
        properties.put(SourceDocument.PROPERTY_PLAN_ID, plan.id());
        properties.put(SourceDocument.PROPERTY_FRAMEWORK, plan.frameworkId());
        if (school != null) properties.put(SourceDocument.PROPERTY_SCHOOL_NAME, school);
        if (!units.isEmpty()) properties.put(SourceDocument.PROPERTY_MANAGING_UNIT, String.join("/", units));
        return new ExportDocument(
                units.isEmpty() ? null : HeaderParser.unitLine(units.get(units.size() - 1)),
                school == null ? "" : VietnameseText.upper(school),
                "Số: " + (plan.documentNumber() == null ? HeaderParser.NO_NUMBER : plan.documentNumber()),
                placeAndDate(plan),
                "Năm học " + plan.schoolYear().startYear() + " - " + (plan.schoolYear().startYear() + 1),
                plan.legalBases(),
                rows(plan, framework),
                recipients(units),
                "HIỆU TRƯỞNG",
                plan.approvedBy(),
                properties,
                fileName(plan));
    }

    private static List<ExportDocument.Row> rows(PlanToExport plan, Framework framework) {
        List<ExportDocument.Row> rows = new ArrayList<>();
        String level = null;
        Integer standard = null;
        for (ActionItemDetails d : plan.items()) {
            String label = d.levelGroup() == null ? null : d.levelGroup().label();
            if (label != null && !label.equals(level)) {
                rows.add(new ExportDocument.Level(label));
                level = label;
                standard = null;
            }
            CriterionCode code = d.criterionCode();
            if (!code.isLevel4() && !Objects.equals(standard, code.standardNo())) {
                standard = code.standardNo();
                String name = framework == null ? null : framework.standard(standard).map(s -> s.name()).orElse(null);
                rows.add(new ExportDocument.Standard(String.valueOf(standard),
                        "Tiêu chuẩn " + standard + (name == null ? "" : ": " + name)));
            }
            rows.add(new ExportDocument.Item(List.of("", criterion(code, framework), nz(d.targetResult()),
                    tasks(d.tasks()), PeopleParser.format(d.lead(), d.coordinators()), schedule(d.schedule(), plan.schoolYear()),
                    budget(d.budget()), nz(d.supportConditions()), nz(d.notes()))));
        }
        return rows;
    }

    /** "Tiêu chí 1.4: Hiệu trưởng, ..." with the catalogue's name; level-4 criteria by their clause. */
    static String criterion(CriterionCode code, Framework framework) {
        if (code.isLevel4()) {
            String number = code.value().substring(3);
            String ref = framework == null ? null : framework.level4Criteria().stream()
                    .filter(c -> c.code().equals(code.value())).map(Level4Criterion::ref).findFirst().orElse(null);
            return ref != null && ref.startsWith("Khoản " + number + " ") ? ref : number;
        }
        String name = framework == null ? null : framework.criterionName(code).orElse(null);
        return "Tiêu chí " + code + (name == null ? "" : ": " + name);
    }

    static String tasks(List<String> tasks) {
        if (tasks.size() == 1) return tasks.get(0);
        return String.join("\n", tasks.stream().map(t -> "- " + t).toList());
    }

    static String schedule(Schedule s, SchoolYear year) {
        if (s == null) return "";
        if (s.text() != null && !s.text().isBlank()) {
            Schedule read = ScheduleParser.parse(s.text(), year).schedule();
            if (read != null && Objects.equals(read.start(), s.start()) && Objects.equals(read.end(), s.end())) return s.text();
        }
        if (s.start() == null && s.end() == null) return nz(s.text());
        if (s.start() == null) return "Trước tháng " + month(s.end());
        if (s.end() == null) return "Từ tháng " + month(s.start());
        if (s.start().equals(s.end())) return "Tháng " + month(s.start());
        return "Tháng " + month(s.start()) + " đến tháng " + month(s.end());
    }

    static String budget(Budget b) {
        if (b == null) return "";
        if (b.text() != null && !b.text().isBlank()) {
            Budget read = BudgetParser.parse(b.text()).budget();
            if (read != null && Objects.equals(read.amount(), b.amount()) && read.perSchoolYear() == b.perSchoolYear()
                    && Objects.equals(read.fundingSource(), b.fundingSource()) && Objects.equals(read.note(), b.note())) {
                return b.text();
            }
        }
        StringBuilder text = new StringBuilder();
        if (b.amount() != null) text.append(b.amount().display()).append(b.perSchoolYear() ? "/năm học" : "");
        if (b.fundingSource() != null) text.append(text.isEmpty() ? "" : ", ").append("Nguồn: ").append(b.fundingSource());
        if (b.note() != null) text.append(text.isEmpty() ? "" : " ").append('(').append(b.note()).append(')');
        return text.isEmpty() ? nz(b.text()) : text.toString();
    }

    private static String placeAndDate(PlanToExport plan) {
        String date = plan.issueDate() == null ? "ngày … tháng … năm …" : "ngày " + plan.issueDate().getDayOfMonth()
                + " tháng " + plan.issueDate().getMonthValue() + " năm " + plan.issueDate().getYear();
        return plan.issuePlace() == null || plan.issuePlace().isBlank() ? VietnameseText.capitalise(date)
                : plan.issuePlace() + ", " + date;
    }

    private static List<String> recipients(List<String> units) {
        String office = units.isEmpty() ? "Cơ quan quản lý" : "Ủy ban nhân dân " + units.get(units.size() - 1);
        return List.of(office + " (để b/c)", "Lưu VT");
    }

    /** "ke-hoach-truong-tieu-hoc-le-dinh-chinh-2023-2024": ASCII, for a file name any system accepts. */
    private static String fileName(PlanToExport plan) {
        String school = plan.school() == null ? plan.schoolName() : plan.school().name();
        String slug = VietnameseText.fold(school == null ? "" : school).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "ke-hoach-" + (slug.isEmpty() ? plan.id() : slug) + "-" + plan.schoolYear();
    }

    private static String month(YearMonth m) { return m.getMonthValue() + "/" + m.getYear(); }

    private static String nz(String s) { return s == null ? "" : s; }
}
