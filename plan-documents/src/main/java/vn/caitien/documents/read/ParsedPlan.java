package vn.caitien.documents.read;

import java.util.List;
import java.util.Map;

/** Everything read from one file: header, items in table order, and the diagnostics. */
public record ParsedPlan(SourceDocument.Format format, ParsedHeader header, List<ParsedItem> items,
                         List<Diagnostic> diagnostics, Map<String, Integer> columns) {

    public ParsedPlan {
        items = List.copyOf(items);
        diagnostics = List.copyOf(diagnostics);
        columns = Map.copyOf(columns);
    }

    /** The same plan with later findings added and items replaced (checks beyond the parser's own). */
    public ParsedPlan with(List<ParsedItem> newItems, List<Diagnostic> more) {
        List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
        all.addAll(more);
        return new ParsedPlan(format, header, newItems, all, columns);
    }

    /** Column number of an item field in the table, or null. */
    public Integer column(String field) { return columns.get(field); }

    /** Items the plan will accept, in table order. */
    public List<ParsedItem> importable() { return items.stream().filter(i -> !i.skipped()).toList(); }

    public boolean blocked() { return diagnostics.stream().anyMatch(Diagnostic::blocksImport); }
}
