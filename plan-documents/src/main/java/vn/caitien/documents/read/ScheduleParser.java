package vn.caitien.documents.read;

import vn.caitien.api.item.Schedule;
import vn.caitien.api.plan.SchoolYear;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Thời gian thực hiện và hoàn thành" as months. Every time expression in the cell becomes a range
 * of months; the schedule runs from the first range's start to the last range's end, so
 * "Tháng 9/2021⏎Tháng 5/2022", "Tháng 9/2021 đến tháng 5/2022" and "Từ năm 2020 đến 2030" all read
 * naturally. A single expression after "Từ" or with "thường xuyên" leaves the end open; after
 * "Trước" it is only the end. The original text is always kept.
 */
public final class ScheduleParser {
    private static final Pattern TOKEN = Pattern.compile(
            "(?<sy>nam hoc\\s*(?<sy1>\\d{4})\\s*[-–—/]\\s*(?<sy2>\\d{4}))"
                    + "|(?<date>(?<dd>\\d{1,2})\\s*[/.]\\s*(?<dm>\\d{1,2})\\s*[/.]\\s*(?<dy>\\d{4}))"
                    + "|(?<my>\\b(?:thang|th\\.?|t)\\s*(?<mm>\\d{1,2})\\s*(?:/|-|\\.|nam)\\s*(?<myy>\\d{4}))"
                    + "|(?<bmy>\\b(?<bm>\\d{1,2})\\s*/\\s*(?<by>\\d{4}))"
                    + "|(?<mo>\\bthang\\s*(?<mom>\\d{1,2})\\b)"
                    + "|(?<yr>\\b(?<yr1>\\d{4})\\s*[-–—]\\s*(?<yr2>\\d{4})\\b)"
                    + "|(?<y>\\b\\d{4}\\b)"
                    + "|(?<hk>\\b(?:hoc ky|hk)\\s*(?<hkn>ii|2|i|1)\\b)");
    private static final Pattern OPEN = Pattern.compile(
            "thuong xuyen|lien tuc|hang (nam|thang|tuan|quy|ngay)|dinh ky|tro di|^tu |^bat dau");
    private static final Pattern WHOLE_YEAR = Pattern.compile("(ca|trong|suot|cuoi|dau) nam hoc|nam hoc nay");
    private static final Pattern DEADLINE = Pattern.compile("^(truoc|cham nhat|han chot|han)\\b");

    /** The schedule (null for an empty cell) and, when the text could not be read, why. */
    public record Result(Schedule schedule, String problem) {
    }

    private record Range(YearMonth start, YearMonth end, Integer monthOnly) {
    }

    private ScheduleParser() {
    }

    public static Result parse(String raw, SchoolYear year) {
        String text = VietnameseText.clean(raw);
        if (text.isEmpty()) return new Result(null, null);
        String f = VietnameseText.fold(text.replace('\n', ' '));
        List<Range> ranges;
        try {
            ranges = ranges(f, year);
        } catch (DateTimeException | IllegalArgumentException e) {
            return unreadable(text, "có tháng hoặc năm không hợp lệ");
        }
        if (ranges.isEmpty()) {
            if (WHOLE_YEAR.matcher(f).find() && year != null) {
                return new Result(new Schedule(year.firstMonth(), year.lastMonth(), text), null);
            }
            if (OPEN.matcher(f).find() && year != null) return new Result(new Schedule(year.firstMonth(), null, text), null);
            return unreadable(text, "không nhận ra tháng/năm");
        }
        YearMonth start = ranges.get(0).start();
        YearMonth end = ranges.get(ranges.size() - 1).end();
        if (ranges.size() == 1 && OPEN.matcher(f).find()) end = null;
        if (ranges.size() == 1 && DEADLINE.matcher(f).find()) start = null;
        if (start != null && end != null && end.isBefore(start)) {
            return unreadable(text, "thời gian hoàn thành (" + end + ") trước thời gian bắt đầu (" + start + ")");
        }
        return new Result(new Schedule(start, end, text), null);
    }

    private static List<Range> ranges(String f, SchoolYear year) {
        List<Range> ranges = new ArrayList<>();
        Matcher m = TOKEN.matcher(f);
        while (m.find()) {
            if (m.group("sy") != null) {
                ranges.add(schoolYear(num(m, "sy1"), num(m, "sy2")));
            } else if (m.group("date") != null) {
                ranges.add(month(num(m, "dy"), num(m, "dm")));
            } else if (m.group("my") != null) {
                ranges.add(month(num(m, "myy"), num(m, "mm")));
            } else if (m.group("bmy") != null) {
                ranges.add(month(num(m, "by"), num(m, "bm")));
            } else if (m.group("mo") != null) {
                int month = num(m, "mom");
                if (month < 1 || month > 12) throw new IllegalArgumentException("tháng " + month);
                ranges.add(new Range(null, null, month));
            } else if (m.group("yr") != null) {
                int first = num(m, "yr1");
                int second = num(m, "yr2");
                boolean afterYearWord = f.substring(0, m.start()).matches(".*\\bnam\\s*$");
                ranges.add(second == first + 1 && !afterYearWord ? schoolYear(first, second)
                        : new Range(YearMonth.of(check(first), 1), YearMonth.of(check(second), 12), null));
            } else if (m.group("y") != null) {
                int y = check(Integer.parseInt(m.group("y")));
                ranges.add(new Range(YearMonth.of(y, 1), YearMonth.of(y, 12), null));
            } else if (m.group("hk") != null && year != null) {
                boolean second = m.group("hkn").equals("ii") || m.group("hkn").equals("2");
                ranges.add(second ? new Range(YearMonth.of(year.startYear() + 1, 1), year.lastMonth(), null)
                        : new Range(year.firstMonth(), YearMonth.of(year.startYear() + 1, 1), null));
            }
        }
        return resolveMonthsWithoutYear(ranges, year);
    }

    /** "Tháng 9 đến tháng 5/2022": a month without a year takes it from its neighbours or the school year. */
    private static List<Range> resolveMonthsWithoutYear(List<Range> ranges, SchoolYear year) {
        List<Range> resolved = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            if (r.monthOnly() == null) {
                resolved.add(r);
                continue;
            }
            int month = r.monthOnly();
            Integer y = null;
            for (int j = i + 1; j < ranges.size() && y == null; j++) {
                YearMonth next = ranges.get(j).start();
                if (next != null) y = month > next.getMonthValue() ? next.getYear() - 1 : next.getYear();
            }
            if (y == null && !resolved.isEmpty()) {
                YearMonth prev = resolved.get(resolved.size() - 1).end();
                y = month < prev.getMonthValue() ? prev.getYear() + 1 : prev.getYear();
            }
            if (y == null && year != null) y = month >= 8 ? year.startYear() : year.startYear() + 1;
            if (y == null) throw new IllegalArgumentException("không rõ năm của tháng " + month);
            YearMonth ym = YearMonth.of(y, month);
            resolved.add(new Range(ym, ym, null));
        }
        return resolved;
    }

    private static Range schoolYear(int first, int second) {
        if (second != first + 1) throw new IllegalArgumentException("năm học " + first + "-" + second);
        SchoolYear sy = new SchoolYear(first);
        return new Range(sy.firstMonth(), sy.lastMonth(), null);
    }

    private static Range month(int year, int month) {
        YearMonth ym = YearMonth.of(check(year), month);
        return new Range(ym, ym, null);
    }

    private static int check(int year) {
        if (year < 1990 || year > 2100) throw new IllegalArgumentException("năm " + year);
        return year;
    }

    private static int num(Matcher m, String group) { return Integer.parseInt(m.group(group)); }

    private static Result unreadable(String text, String why) {
        return new Result(new Schedule(null, null, text), "Không đọc được thời gian \"" + text + "\" (" + why
                + "); giữ nguyên văn bản, chưa có tháng bắt đầu/kết thúc");
    }
}
