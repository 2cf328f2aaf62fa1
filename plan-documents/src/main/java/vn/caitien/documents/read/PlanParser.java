package vn.caitien.documents.read;

import vn.caitien.api.catalog.Framework;
import vn.caitien.api.catalog.FrameworkCatalog;
import vn.caitien.api.plan.SchoolType;

import java.util.List;
import java.util.Optional;

/**
 * From uploaded bytes to a {@link ParsedPlan}: read the document, its header, the framework it
 * follows, then the table against that framework. Spring-free, so it is tested on its own; a file
 * that is not a plan at all throws {@link UnreadableFile}, anything else ends up in diagnostics.
 */
public final class PlanParser {

    private PlanParser() {
    }

    public static ParsedPlan parse(byte[] bytes, ImportHints hints, FrameworkCatalog catalog) {
        return parse(bytes, hints, catalog, ReadLimits.DEFAULTS);
    }

    public static ParsedPlan parse(byte[] bytes, ImportHints hints, FrameworkCatalog catalog, ReadLimits limits) {
        return parse(DocumentReader.read(bytes, limits), hints, catalog);
    }

    public static ParsedPlan parse(SourceDocument doc, ImportHints hints, FrameworkCatalog catalog) {
        Diagnostics diagnostics = new Diagnostics();
        ParsedHeader header = HeaderParser.parse(doc, hints, diagnostics);
        Optional<FrameworkChoice.Choice> choice = FrameworkChoice.choose(header, doc.before(), hints,
                doc.properties().get(SourceDocument.PROPERTY_FRAMEWORK), catalog, diagnostics);
        Framework framework = choice.map(FrameworkChoice.Choice::framework).orElse(null);
        SchoolType type = choice.map(FrameworkChoice.Choice::schoolType).orElse(header.schoolType());
        if (choice.isPresent() && type == null) {
            diagnostics.fatal("school.type", "Không xác định được loại hình trường (Mầm non, Tiểu học, THCS, THPT) từ tên “"
                    + header.schoolName() + "”");
        }
        header = header.withFramework(framework == null ? null : framework.id(), type);
        List<ParsedItem> items = TableParser.parse(doc.table(), framework, header.schoolYear(), diagnostics);
        return new ParsedPlan(doc.format(), header, items, diagnostics.all(), TableParser.columnNumbers(doc.table()));
    }
}
