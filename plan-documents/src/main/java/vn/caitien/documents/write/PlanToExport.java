package vn.caitien.documents.write;

import vn.caitien.api.item.ActionItemDetails;
import vn.caitien.api.plan.School;
import vn.caitien.api.plan.SchoolYear;

import java.time.LocalDate;
import java.util.List;

/**
 * What an exported file shows of a plan: its header and its items in table order. {@code school} may be null
 * for a plan stored before schools carried their managing unit; then {@code schoolName} names it.
 */
public record PlanToExport(String id, School school, String schoolName, String documentNumber, SchoolYear schoolYear,
                           String frameworkId, LocalDate issueDate, String issuePlace, List<String> legalBases,
                           String approvedBy, List<ActionItemDetails> items) {
}
