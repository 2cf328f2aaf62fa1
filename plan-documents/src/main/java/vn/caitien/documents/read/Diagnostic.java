package vn.caitien.documents.read;

/**
 * One finding about the imported file, in Vietnamese. {@code row} and {@code column} are 1-based and
 * name the cell of the plan table (as Word numbers table rows, header included; as Excel numbers
 * sheet rows and columns); both are absent for findings about the document header.
 */
public record Diagnostic(Severity severity, Integer row, Integer column, String field, String message) {

    public enum Severity { WARNING, ERROR }

    /**
     * An error without a row concerns the plan itself (no school year, no school...): nothing can be
     * imported. An error on a row concerns that row's item only: the item is skipped.
     */
    public boolean blocksImport() { return severity == Severity.ERROR && row == null; }
}
