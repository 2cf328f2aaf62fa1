package vn.caitien.documents.read;

import vn.caitien.api.item.Budget;
import vn.caitien.api.item.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Dự kiến kinh phí" as the plan states it: "3 triệu/NH" (per school year), "150 triệu",
 * "81 triệu đồng", "494.510.000 đồng (Công tác sửa chữa ...)" (amount and note), "Không" (none),
 * "Kinh phí dự án Quận" (a funding source without an amount). Text it cannot read is kept as text
 * with a warning: a budget never blocks an import.
 */
public final class BudgetParser {
    private static final Pattern NOTE = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern NONE = Pattern.compile("^(khong|khong co|khong phat sinh|khong can|0|0 dong|0d|x)$");
    private static final Pattern PER_YEAR = Pattern.compile(
            "\\s*(/\\s*(nh|nam hoc|nam)\\b|moi nam( hoc)?|hang nam|hang nam hoc|mot nam( hoc)?)");
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<n>\\d+(?:[.,]\\d+)*)\\s*(?<unit>ty|trieu|tr|nghin|ngan|k)?\\s*(?<cur>dong|d|vnd)?(?![\\p{L}\\d])");
    /**
     * Where money comes from: text that starts like "Kinh phí dự án Quận", "Ngân sách...", "Quỹ...",
     * or that names a source anywhere ("... nguồn xã hội hóa"). "Khi có kinh phí" is not a source.
     */
    private static final Pattern SOURCE = Pattern.compile(
            "^(kinh phi|ngan sach|nguon|xa hoi hoa|xhh|quy|von|tai tro|du an|hoc phi|cha me|phu huynh|ban dai dien)\\b"
                    + "|\\b(ngan sach|xa hoi hoa|tai tro|nguon)\\b");
    private static final Pattern SOURCE_LABEL = Pattern.compile("^(nguon( kinh phi)?|nguon von)\\s*:\\s*");

    /** The budget (null for an empty cell) and, when the amount could not be read, why. */
    public record Result(Budget budget, String problem) {
    }

    private record Found(int start, int end, long vnd) {
    }

    private BudgetParser() {
    }

    public static Result parse(String raw) {
        String text = VietnameseText.clean(raw);
        if (text.isEmpty()) return new Result(null, null);
        String line = text.replace('\n', ' ');
        List<String> notes = new ArrayList<>();
        Matcher note = NOTE.matcher(line);
        while (note.find()) if (!note.group(1).isBlank()) notes.add(note.group(1).strip());
        String rest = NOTE.matcher(line).replaceAll(" ").replaceAll(" {2,}", " ").strip();
        String noteText = notes.isEmpty() ? null : String.join("; ", notes);
        String f = VietnameseText.fold(rest);
        if (NONE.matcher(trimPunctuation(f)).matches()) return new Result(new Budget(null, false, null, noteText, text), null);

        boolean perYear = false;
        Matcher per = PER_YEAR.matcher(f);
        if (per.find()) {
            perYear = true;
            rest = cut(rest, per.start(), per.end());
            f = VietnameseText.fold(rest);
        }
        List<Found> amounts = new ArrayList<>();
        Matcher m = AMOUNT.matcher(f);
        while (m.find()) {
            Long vnd = vnd(m.group("n"), m.group("unit"), m.group("cur"));
            if (vnd != null) amounts.add(new Found(m.start(), m.end(), vnd));
        }
        if (amounts.size() > 1) return unreadable(text, "có nhiều số tiền");
        if (amounts.isEmpty()) {
            if (SOURCE.matcher(trimPunctuation(f)).find()) {
                return new Result(new Budget(null, perYear, source(rest), noteText, text), null);
            }
            return unreadable(text, "không thấy số tiền");
        }
        Found found = amounts.get(0);
        String leftover = trimPunctuation(cut(rest, found.start(), found.end()));
        Money amount = Money.of(found.vnd());
        String fundingSource = null;
        if (!leftover.isEmpty()) {
            if (SOURCE.matcher(VietnameseText.fold(leftover)).find()) {
                fundingSource = source(leftover);
            } else {
                noteText = noteText == null ? leftover : leftover + "; " + noteText;
            }
        }
        return new Result(new Budget(amount, perYear, fundingSource, noteText, text), null);
    }

    /** An amount in đồng, or null when the number is not money (a bare "150" could mean anything). */
    private static Long vnd(String number, String unit, String currency) {
        BigDecimal multiplier = switch (unit == null ? "" : unit) {
            case "ty" -> BigDecimal.valueOf(1_000_000_000L);
            case "trieu", "tr" -> BigDecimal.valueOf(1_000_000L);
            case "nghin", "ngan", "k" -> BigDecimal.valueOf(1_000L);
            default -> BigDecimal.ONE;
        };
        BigDecimal value = multiplier.equals(BigDecimal.ONE) ? new BigDecimal(number.replaceAll("[.,]", ""))
                : decimal(number);
        BigDecimal vnd = value.multiply(multiplier);
        if (unit == null && currency == null && vnd.compareTo(BigDecimal.valueOf(1_000)) < 0) return null;
        if (vnd.compareTo(BigDecimal.valueOf(1_000_000_000_000_000L)) > 0) return null;
        return vnd.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** "1,5" and "1.5" are one and a half; "1.500" (groups of three) is fifteen hundred. */
    private static BigDecimal decimal(String number) {
        String[] groups = number.split("[.,]");
        boolean thousands = groups.length > 2 || (groups.length == 2 && groups[1].length() == 3);
        if (thousands) return new BigDecimal(number.replaceAll("[.,]", ""));
        return new BigDecimal(number.replace(',', '.'));
    }

    private static String source(String text) {
        String s = trimPunctuation(text);
        Matcher label = SOURCE_LABEL.matcher(VietnameseText.fold(s));
        return label.find() ? s.substring(label.end()).strip() : s;
    }

    private static String cut(String s, int start, int end) {
        return (s.substring(0, start) + " " + s.substring(end)).replaceAll(" {2,}", " ").strip();
    }

    private static String trimPunctuation(String s) {
        return s.replaceAll("^[\\s,;:.\\-–—+]+|[\\s,;:.\\-–—+]+$", "");
    }

    private static Result unreadable(String text, String why) {
        return new Result(new Budget(null, false, null, null, text), "Không đọc được kinh phí \"" + text + "\" ("
                + why + "); giữ nguyên văn bản, không có số tiền");
    }
}
