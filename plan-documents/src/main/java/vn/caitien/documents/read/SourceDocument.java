package vn.caitien.documents.read;

import java.util.List;
import java.util.Map;

/**
 * What a .docx or .xlsx plan holds, independent of the format: the text before the plan table
 * (header, title, legal bases) and after it (recipients, signature), line by line in reading order,
 * the table itself, and the document's custom properties (an exported plan stores there what its
 * printed header cannot say exactly, such as the full managing-unit path).
 */
public record SourceDocument(Format format, List<String> before, SourceTable table, List<String> after,
                             Map<String, String> properties) {

    public enum Format { DOCX, XLSX }

    /** Custom document property names written by the exporter and read back by the importer. */
    public static final String PROPERTY_SCHOOL_NAME = "caitien.schoolName";
    public static final String PROPERTY_MANAGING_UNIT = "caitien.managingUnit";
    public static final String PROPERTY_FRAMEWORK = "caitien.frameworkId";
    public static final String PROPERTY_PLAN_ID = "caitien.planId";

    public SourceDocument {
        before = List.copyOf(before);
        after = List.copyOf(after);
        properties = Map.copyOf(properties);
    }
}
