package vn.caitien.api.item;

import java.time.YearMonth;

/**
 * Thời gian thực hiện và hoàn thành, to the month. {@code end} may be open (null) when the plan
 * says "thường xuyên" or similar; {@code text} keeps what the plan wrote.
 */
public record Schedule(YearMonth start, YearMonth end, String text) {

    public boolean isValid() { return start == null || end == null || !end.isBefore(start); }
}
