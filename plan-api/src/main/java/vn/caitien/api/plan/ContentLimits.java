package vn.caitien.api.plan;

/**
 * Default size limits of a plan's content, shared by plan-service, which refuses commands beyond them
 * ({@code caitien.plan.limits.*}), and reporting-service, which cuts text beyond them when it renders a
 * plan stored before the limits existed ({@code caitien.reports.render.*}). The real plans have 16-19 rows
 * and cells of at most ~800 characters; these leave ten times that and more.
 */
public final class ContentLimits {
    /** Rows (action items) of one plan. */
    public static final int MAX_ITEMS = 200;
    /** Characters of one text: a cell of the table, a list entry, a narrative, a reason. */
    public static final int MAX_FIELD_CHARS = 8_000;
    /** Characters of each of a report's summary, findings and recommendations. */
    public static final int MAX_REPORT_TEXT_CHARS = 16_000;
    /** Entries of one list: tasks, coordinators, indicators, evidence codes, legal bases... */
    public static final int MAX_LIST_ENTRIES = 50;

    private ContentLimits() {
    }
}
