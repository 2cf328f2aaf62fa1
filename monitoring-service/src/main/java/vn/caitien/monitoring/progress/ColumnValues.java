package vn.caitien.monitoring.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What PostgreSQL does to a value on its way into a read-model column, for the in-memory fold: the
 * same value is stored, or the fold refuses it where a statement of the projection would fail. Where
 * the database's verdict could depend on more than the value, the fold refuses too: a refusal only
 * sends the rebuild back to the per-event replay, which is exact by construction.
 */
public final class ColumnValues {
    /** Instants outside this range are written through calendars that differ between the two paths. */
    private static final long EARLIEST_SECOND = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    private static final long LATEST_SECOND = Instant.parse("9999-12-31T00:00:00Z").getEpochSecond();
    private static final long EARLIEST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long LATEST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    public static final int NO_DAY = Integer.MIN_VALUE;
    public static final long NO_INSTANT = Long.MIN_VALUE;

    private ColumnValues() {
    }

    /**
     * A varchar(n) column: over-long values fail, unless the excess is only spaces, which PostgreSQL
     * cuts off. Lengths are in characters (code points), as PostgreSQL counts them.
     */
    public static String varchar(String value, int max, String column) {
        if (value == null) return null;
        text(value, column);
        int length = value.codePointCount(0, value.length());
        if (length <= max) return value;
        int cut = value.offsetByCodePoints(0, max);
        for (int i = cut; i < value.length(); i++) {
            if (value.charAt(i) != ' ') {
                throw new FoldRefused(column + " dài quá " + max + " ký tự: " + length);
            }
        }
        return value.substring(0, cut);
    }

    /**
     * A text column or array element: PostgreSQL refuses NUL, and a lone surrogate would be replaced
     * on the way to UTF-8; both are left to the per-event path.
     */
    public static String text(String value, String column) {
        if (value == null) return null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) throw new FoldRefused(column + " chứa ký tự NUL");
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw new FoldRefused(column + " chứa ký tự UTF-16 lẻ");
                }
            }
        }
        return value;
    }

    /** A JSON document for a jsonb column: PostgreSQL refuses the escape of NUL in it. */
    public static String json(String json, String column) {
        text(json, column);
        if (json.contains("\\u0000")) throw new FoldRefused(column + " chứa \\u0000");
        return json;
    }

    /**
     * A timestamptz as the JDBC driver sends a {@code java.sql.Timestamp}: microseconds, rounded half
     * up from nanoseconds.
     */
    public static long micros(Instant at) {
        long second = at.getEpochSecond();
        if (second < EARLIEST_SECOND || second > LATEST_SECOND) {
            throw new FoldRefused("Thời điểm ngoài khoảng dựng lại nhanh: " + at);
        }
        return second * 1_000_000L + (at.getNano() + 500) / 1000;
    }

    /** A date column, as days since 1970-01-01. */
    public static int day(LocalDate date) {
        long day = date.toEpochDay();
        if (day < EARLIEST_DAY || day > LATEST_DAY) throw new FoldRefused("Ngày ngoài khoảng dựng lại nhanh: " + date);
        return (int) day;
    }

    /** A month stored as the date of its first day, or {@link #NO_DAY}. */
    public static int month(YearMonth month) {
        return month == null ? NO_DAY : day(month.atDay(1));
    }
}
