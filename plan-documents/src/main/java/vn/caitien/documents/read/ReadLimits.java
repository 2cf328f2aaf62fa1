package vn.caitien.documents.read;

import java.time.Duration;

/**
 * How much of a Word or Excel file the importer agrees to read: rows and cells of its tables (all
 * tables, nested ones included, all sheets), columns, merged regions and the cells they cover, tables
 * nested in tables, characters in one cell, XML elements and bytes the document's parts may hold,
 * and the time reading may take. The file is measured by a streaming pass before any document model
 * is built ({@link PackageScan}), so a file over a limit costs a few kilobytes of memory, whatever it
 * declares. Real plans stay far below: the samples have 30 rows, 9 columns, 2,600 XML elements.
 */
public record ReadLimits(int maxRows, int maxColumns, int maxCells, int maxMergedRegions, int maxNestingDepth,
                         int maxCellText, int maxXmlElements, long maxXmlBytes, Duration maxReadTime) {

    public static final ReadLimits DEFAULTS = new ReadLimits(1_000, 50, 30_000, 300, 3, 10_000, 300_000,
            10L * 1024 * 1024, Duration.ofSeconds(10));

    /** The moment a read that starts now must be done by. */
    public Deadline deadline() { return new Deadline(System.nanoTime() + maxReadTime.toNanos(), maxReadTime); }

    /** Reading stops with a refusal once the clock passes the deadline; checked between rows and elements. */
    public record Deadline(long nanos, Duration allowed) {
        public void check() {
            if (System.nanoTime() - nanos > 0) {
                throw UnreadableFile.tooComplex("Đọc tệp mất hơn " + allowed.toSeconds()
                        + " giây; tệp quá phức tạp so với một kế hoạch cải tiến", null, null);
            }
        }
    }
}
