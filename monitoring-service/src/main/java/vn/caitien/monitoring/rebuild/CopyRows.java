package vn.caitien.monitoring.rebuild;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format (tab between columns, {@code \N}
 * for null, backslash escapes), sent in large chunks. One instance per table; {@link #finish()} ends
 * the copy and answers the rows written.
 */
final class CopyRows implements AutoCloseable {
    private static final int CHUNK = 256 * 1024;
    /** Between these the JDBC driver's calendar and ISO dates (what COPY is sent) name the same days. */
    private static final int EARLIEST_YEAR = 1900;
    private static final int LATEST_YEAR = 9999;
    private final CopyIn copy;
    private byte[] buffer = new byte[CHUNK + 1024];
    private int length;
    private boolean firstColumn = true;

    CopyRows(CopyManager copyManager, String table, String columns) throws SQLException {
        this.copy = copyManager.copyIn("copy " + table + " (" + columns + ") from stdin");
    }

    CopyRows text(String value) {
        separate();
        if (value == null) return raw("\\N");
        escaped(value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Bytes that are already UTF-8 text (a JSON document). */
    CopyRows utf8(byte[] value) {
        separate();
        if (value == null) return raw("\\N");
        escaped(value);
        return this;
    }

    CopyRows number(long value) {
        separate();
        return raw(Long.toString(value));
    }

    CopyRows number(Number value) {
        separate();
        return raw(value == null ? "\\N" : value.toString());
    }

    CopyRows bool(boolean value) {
        separate();
        return raw(value ? "t" : "f");
    }

    /**
     * A timestamptz, written in UTC to the microsecond, rounded half up from nanoseconds as the JDBC driver
     * rounds a {@code java.sql.Timestamp}.
     *
     * @throws SQLException (SQLSTATE 22008) outside the years where the driver's calendar and ISO dates agree
     */
    CopyRows timestamp(Instant at) throws SQLException {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), (at.getNano() + 500) / 1000);
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        checkYear(t.getYear());
        StringBuilder s = new StringBuilder(32);
        s.append(t.toLocalDate()).append(' ');
        two(s, t.getHour()).append(':');
        two(s, t.getMinute()).append(':');
        two(s, t.getSecond()).append('.');
        String digits = Integer.toString(fraction);
        s.append("000000", 0, 6 - digits.length()).append(digits).append("+00");
        separate();
        return raw(s.toString());
    }

    /** A date; refused (SQLSTATE 22008) outside the years where the driver's calendar and ISO dates agree. */
    CopyRows date(LocalDate day) throws SQLException {
        checkYear(day.getYear());
        separate();
        return raw(day.toString());
    }

    private static void checkYear(int year) throws SQLException {
        if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
            throw new SQLException("Năm " + year + " ngoài khoảng ghi nhanh " + EARLIEST_YEAR + "–" + LATEST_YEAR, "22008");
        }
    }

    /** A text[] array literal, each element quoted. */
    CopyRows textArray(List<String> values) { return textArray(values.toArray(String[]::new)); }

    /** A text[] array literal, each element quoted. */
    CopyRows textArray(String[] values) {
        StringBuilder literal = new StringBuilder(values.length * 16 + 2).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) literal.append(',');
            literal.append('"');
            String v = values[i];
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                if (c == '"' || c == '\\') literal.append('\\');
                literal.append(c);
            }
            literal.append('"');
        }
        return text(literal.append('}').toString());
    }

    CopyRows nullValue() {
        separate();
        return raw("\\N");
    }

    void endRow() throws SQLException {
        ensure(1);
        buffer[length++] = '\n';
        firstColumn = true;
        if (length >= CHUNK) flush();
    }

    /** Ends the copy: answers how many rows the database took. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) copy.cancelCopy();
    }

    private void flush() throws SQLException {
        if (length > 0) copy.writeToCopy(buffer, 0, length);
        length = 0;
    }

    private void separate() {
        if (!firstColumn) {
            ensure(1);
            buffer[length++] = '\t';
        }
        firstColumn = false;
    }

    private CopyRows raw(String ascii) {
        ensure(ascii.length());
        for (int i = 0; i < ascii.length(); i++) buffer[length++] = (byte) ascii.charAt(i);
        return this;
    }

    /** UTF-8 never puts these ASCII bytes inside a multi-byte character, so escaping byte by byte is safe. */
    private void escaped(byte[] utf8) {
        ensure(utf8.length * 2);
        for (byte b : utf8) {
            switch (b) {
                case '\\' -> {
                    buffer[length++] = '\\';
                    buffer[length++] = '\\';
                }
                case '\t' -> {
                    buffer[length++] = '\\';
                    buffer[length++] = 't';
                }
                case '\n' -> {
                    buffer[length++] = '\\';
                    buffer[length++] = 'n';
                }
                case '\r' -> {
                    buffer[length++] = '\\';
                    buffer[length++] = 'r';
                }
                default -> buffer[length++] = b;
            }
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }

    private static StringBuilder two(StringBuilder s, int value) {
        if (value < 10) s.append('0');
        return s.append(value);
    }
}
