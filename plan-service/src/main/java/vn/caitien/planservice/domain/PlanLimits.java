package vn.caitien.planservice.domain;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import vn.caitien.api.plan.ContentLimits;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How large a plan may grow ({@code caitien.plan.limits.*}, documented in docs/operations.md). The real
 * plans (samples) have 16-19 rows, cells of at most ~800 characters and ~6,000 characters of table in all;
 * the defaults leave ten times that and more, and keep every event of a command far below the per-event cap
 * (HashChainInterceptor, 256 kB). The limits judge new commands only: a plan stored above them still loads,
 * may shrink, and may take commands that do not make it larger.
 * <p>
 * Injected into the Plan's command handlers like the framework catalogue.
 */
@Validated
@ConfigurationProperties("caitien.plan.limits")
public class PlanLimits {
    /** Rows (action items) of one plan. */
    @Min(1)
    private int maxItems = ContentLimits.MAX_ITEMS;
    /** Characters of one text field: a cell of the table, a narrative, a reason, a list entry. */
    @Min(1)
    private int maxFieldChars = ContentLimits.MAX_FIELD_CHARS;
    /** Characters of each of a report's summary, findings and recommendations. */
    @Min(1)
    private int maxReportTextChars = ContentLimits.MAX_REPORT_TEXT_CHARS;
    /** Entries of one list: tasks, coordinators, indicators, indicator values, evidence codes, legal bases. */
    @Min(1)
    private int maxListEntries = ContentLimits.MAX_LIST_ENTRIES;
    /** Characters of all texts of one command: one row, one progress record, one report, the plan's header. */
    @Min(1)
    private int maxCommandChars = 48_000;
    /** Characters of the plan's whole content: header, current rows, every progress record, reason and report. */
    @Min(1)
    private long maxPlanChars = 1_000_000;

    /** Refuses content with a field, list or total beyond the limits; returns its size in characters. */
    long checkContent(Consumer<PlanContent.Fields> content) {
        content.accept(new PlanContent.Fields() {
            @Override
            public void text(String field, String value, PlanContent.Kind kind) {
                int max = kind == PlanContent.Kind.REPORT_TEXT ? maxReportTextChars : maxFieldChars;
                if (value != null && value.length() > max) {
                    throw new PlanRejected(Rejection.TEXT_TOO_LONG, field, "Trường " + field + " dài "
                            + number(value.length()) + " ký tự, vượt giới hạn " + number(max) + " ký tự");
                }
            }

            @Override
            public void list(String field, int size) {
                if (size > maxListEntries) {
                    throw new PlanRejected(Rejection.TOO_MANY_ENTRIES, field, "Danh sách " + field + " có "
                            + number(size) + " mục, vượt giới hạn " + number(maxListEntries) + " mục");
                }
            }
        });
        long chars = PlanContent.chars(content);
        if (chars > maxCommandChars) {
            throw new PlanRejected(Rejection.CONTENT_TOO_LARGE, "Nội dung gửi lên có " + number(chars)
                    + " ký tự, vượt giới hạn " + number(maxCommandChars) + " ký tự cho một thay đổi; hãy viết gọn "
                    + "hoặc tách thành nhiều nội dung");
        }
        return chars;
    }

    /** Refuses another row when the plan has as many as allowed. */
    void checkRoomForAnItem(int items) {
        if (items >= maxItems) {
            throw new PlanRejected(Rejection.TOO_MANY_ITEMS, "Kế hoạch đã có " + number(items)
                    + " nội dung cải tiến, đạt giới hạn " + number(maxItems) + " nội dung");
        }
    }

    /** Refuses a change that would take the plan's content beyond the limit; one that shrinks it always passes. */
    void checkPlanSize(long current, long change) {
        if (change > 0 && current + change > maxPlanChars) {
            throw new PlanRejected(Rejection.PLAN_TOO_LARGE, "Kế hoạch đã có " + number(current)
                    + " ký tự nội dung; thêm " + number(change) + " ký tự sẽ vượt giới hạn " + number(maxPlanChars)
                    + " ký tự của một kế hoạch");
        }
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(n);
    }

    public int getMaxItems() { return maxItems; }

    public void setMaxItems(int maxItems) { this.maxItems = maxItems; }

    public int getMaxFieldChars() { return maxFieldChars; }

    public void setMaxFieldChars(int maxFieldChars) { this.maxFieldChars = maxFieldChars; }

    public int getMaxReportTextChars() { return maxReportTextChars; }

    public void setMaxReportTextChars(int maxReportTextChars) { this.maxReportTextChars = maxReportTextChars; }

    public int getMaxListEntries() { return maxListEntries; }

    public void setMaxListEntries(int maxListEntries) { this.maxListEntries = maxListEntries; }

    public int getMaxCommandChars() { return maxCommandChars; }

    public void setMaxCommandChars(int maxCommandChars) { this.maxCommandChars = maxCommandChars; }

    public long getMaxPlanChars() { return maxPlanChars; }

    public void setMaxPlanChars(long maxPlanChars) { this.maxPlanChars = maxPlanChars; }
}
