package vn.caitien.documents.read;

import vn.caitien.api.plan.SchoolType;
import vn.caitien.api.plan.SchoolYear;

import java.time.LocalDate;
import java.util.List;

/**
 * The document's header as typed values, and the lines they were read from ({@code texts}).
 * Values the document lacks are null; the diagnostics say which and what was used instead.
 */
public record ParsedHeader(
        String schoolName,
        SchoolType schoolType,
        List<String> managingUnit,
        String documentNumber,
        LocalDate issueDate,
        String issuePlace,
        SchoolYear schoolYear,
        String frameworkId,
        String title,
        List<String> legalBases,
        String signerTitle,
        String signerName,
        List<String> recipients,
        Texts texts) {

    public ParsedHeader {
        managingUnit = managingUnit == null ? List.of() : List.copyOf(managingUnit);
        legalBases = legalBases == null ? List.of() : List.copyOf(legalBases);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** The same header with the framework chosen and the school type it implies. */
    public ParsedHeader withFramework(String id, SchoolType type) {
        return new ParsedHeader(schoolName, type, managingUnit, documentNumber, issueDate, issuePlace, schoolYear, id,
                title, legalBases, signerTitle, signerName, recipients, texts);
    }

    /** The original lines: "TRƯỜNG TIỂU HỌC LÊ ĐÌNH CHINH", "Số: 107/KH-LĐC", "Quận 10, ngày 18 tháng 8 năm 2023"... */
    public record Texts(String school, String managingUnit, String documentNumber, String placeAndDate,
                        String schoolYear) {
    }
}
