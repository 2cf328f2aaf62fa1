package vn.caitien.monitoring.rebuild;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#parse} and {@link LocalDate#parse} for the shapes the wire uses
 * ({@code 2024-01-12T02:15:04.118Z}, {@code 2024-01-10}), without the general formatter's cost; any
 * other shape goes to them, so the result is always theirs.
 */
final class WireTimes {
    private WireTimes() {
    }

    static Instant instant(String text) {
        int length = text.length();
        if (length < 20 || length > 29 || text.charAt(length - 1) != 'Z' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || !digits(text, 11, 13) || !digits(text, 14, 16)
                || !digits(text, 17, 19)) {
            return Instant.parse(text);
        }
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            // A fraction of 1 to 9 digits after the point.
            if (text.charAt(19) != '.' || length == 21 || !digits(text, 20, length - 1)) return Instant.parse(text);
            int digits = length - 21;
            nanos = number(text, 20, length - 1);
            for (int i = digits; i < 9; i++) nanos *= 10;
        } else if (text.charAt(19) != 'Z') {
            return Instant.parse(text);
        }
        LocalDate day = plainDate(text.substring(0, 10));
        if (day == null || hour > 23 || minute > 59 || second > 59) return Instant.parse(text);
        return Instant.ofEpochSecond(day.toEpochDay() * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    }

    /** {@code LocalDate.parse} (ISO_LOCAL_DATE, strict) of an exactly {@code yyyy-MM-dd} text. */
    static LocalDate date(String text) {
        LocalDate day = plainDate(text);
        return day != null ? day : LocalDate.parse(text);
    }

    private static LocalDate plainDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-' || !digits(text, 0, 4)
                || !digits(text, 5, 7) || !digits(text, 8, 10)) {
            return null;
        }
        // LocalDate.of refuses what the strict parser refuses (month 13, 30 February).
        return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) value = value * 10 + text.charAt(i) - '0';
        return value;
    }
}
