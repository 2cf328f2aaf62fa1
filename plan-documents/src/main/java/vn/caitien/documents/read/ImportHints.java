package vn.caitien.documents.read;

import vn.caitien.api.plan.SchoolYear;

import java.util.Arrays;
import java.util.List;

/**
 * What the uploader knows and the document does not say (or says wrongly): the full managing-unit
 * path ("Thành phố Hồ Chí Minh/Quận 10"), the document number of a plan printed without one, and,
 * rarely, the framework or school year. Given values win over the document.
 */
public record ImportHints(List<String> managingUnit, String documentNumber, String frameworkId, SchoolYear schoolYear) {
    public static final ImportHints NONE = new ImportHints(List.of(), null, null, null);

    public ImportHints {
        managingUnit = managingUnit == null ? List.of() : List.copyOf(managingUnit);
        documentNumber = blankToNull(documentNumber);
        frameworkId = blankToNull(frameworkId);
    }

    /** "Thành phố Hồ Chí Minh/Quận 10" → ["Thành phố Hồ Chí Minh", "Quận 10"]. */
    public static List<String> path(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split("/")).map(VietnameseText::oneLine).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
