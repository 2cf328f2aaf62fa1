package vn.caitien.documents.read;

import vn.caitien.documents.read.Diagnostic.Severity;

import java.util.ArrayList;
import java.util.List;

/** Collects what the parser noticed, in document order. Warnings never stop an import. */
public final class Diagnostics {
    private final List<Diagnostic> found = new ArrayList<>();

    public void warn(Integer row, Integer column, String field, String message) {
        found.add(new Diagnostic(Severity.WARNING, row, column, field, message));
    }

    public void error(Integer row, Integer column, String field, String message) {
        found.add(new Diagnostic(Severity.ERROR, row, column, field, message));
    }

    /** A problem with the plan as a whole: the import cannot go ahead. */
    public void fatal(String field, String message) { error(null, null, field, message); }

    public boolean blocking() { return found.stream().anyMatch(Diagnostic::blocksImport); }

    public List<Diagnostic> all() { return List.copyOf(found); }
}
