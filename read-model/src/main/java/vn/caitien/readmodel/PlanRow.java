package vn.caitien.readmodel;

import vn.caitien.api.plan.School;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan as the read side sees it: what PlanCreated says about the plan and its school, whether it is
 * approved (and when, by whom), and when any of its rows last changed. Monitoring keeps the columns of
 * plan_progress; reporting also reads the issue date and place, the legal bases and the approval.
 *
 * @param schoolKey  the school across its yearly plans ({@link #schoolKeyOf})
 * @param status     {@code DRAFT} or {@code APPROVED} (the names of {@link vn.caitien.api.plan.PlanStatus})
 * @param updatedAt  when the plan or any of its items or reports last changed, by the events' record times
 */
public record PlanRow(String planId, String schoolName, String schoolCode, String schoolType,
                      List<String> managingUnit, String schoolKey, String documentNumber, String schoolYear,
                      String frameworkId, String status, LocalDate issueDate, String issuePlace,
                      List<String> legalBases, LocalDate approvedOn, String approvedBy, Instant updatedAt) {
    public static final String DRAFT = "DRAFT";
    public static final String APPROVED = "APPROVED";

    public PlanRow {
        managingUnit = managingUnit == null ? List.of() : List.copyOf(managingUnit);
        legalBases = legalBases == null ? List.of() : List.copyOf(legalBases);
    }

    /**
     * Identifies a school across its yearly plans: its code when the plan gives one, otherwise its
     * managing unit path and name ("Thành phố Hồ Chí Minh/Quận 10/Trường Tiểu học Lê Đình Chinh").
     */
    public static String schoolKeyOf(School school) {
        if (school == null) return "?";
        if (school.code() != null && !school.code().isBlank()) return school.code().strip();
        return String.join("/", school.managingUnit()) + "/" + school.name();
    }

    public boolean approved() { return APPROVED.equals(status); }

    /** The plan and its rows changed at {@code at}: the later of the two times stays. */
    PlanRow touchedAt(Instant at) {
        if (updatedAt != null && !at.isAfter(updatedAt)) return this;
        return withUpdatedAt(at);
    }

    PlanRow withUpdatedAt(Instant at) {
        return new PlanRow(planId, schoolName, schoolCode, schoolType, managingUnit, schoolKey, documentNumber,
                schoolYear, frameworkId, status, issueDate, issuePlace, legalBases, approvedOn, approvedBy, at);
    }

    PlanRow approved(LocalDate on, String by, Instant at) {
        return new PlanRow(planId, schoolName, schoolCode, schoolType, managingUnit, schoolKey, documentNumber,
                schoolYear, frameworkId, APPROVED, issueDate, issuePlace, legalBases, on, by, at);
    }
}
