package vn.caitien.api.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school year such as "2023-2024": September of the first year to May of the next. */
public record SchoolYear(int startYear) {
    // Plans write "2023-2024", "2023 - 2024", "2021 – 2022" (en dash) or "2023—2024".
    private static final Pattern FORM = Pattern.compile("^\\s*(\\d{4})\\s*[-–—/]\\s*(\\d{4})\\s*$");

    public SchoolYear {
        if (startYear < 1990 || startYear > 2100) {
            throw new IllegalArgumentException("Năm học không hợp lệ: " + startYear);
        }
    }

    @JsonCreator
    public static SchoolYear parse(String text) {
        if (text == null) throw new IllegalArgumentException("Năm học trống");
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Năm học phải có dạng 2023-2024, nhận được: " + text);
        }
        int start = Integer.parseInt(m.group(1));
        if (Integer.parseInt(m.group(2)) != start + 1) {
            throw new IllegalArgumentException("Năm học phải gồm hai năm liên tiếp, nhận được: " + text);
        }
        return new SchoolYear(start);
    }

    public static SchoolYear containing(LocalDate date) {
        return new SchoolYear(date.getMonthValue() >= 8 ? date.getYear() : date.getYear() - 1);
    }

    public YearMonth firstMonth() { return YearMonth.of(startYear, 9); }

    public YearMonth lastMonth() { return YearMonth.of(startYear + 1, 5); }

    public boolean contains(YearMonth month) {
        return !month.isBefore(firstMonth()) && !month.isAfter(lastMonth());
    }

    @JsonValue
    @Override
    public String toString() { return startYear + "-" + (startYear + 1); }
}
