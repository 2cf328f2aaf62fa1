package vn.caitien.api.progress;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.caitien.api.item.CriterionCode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minh chứng code: "[H1-1.1-01]" (box, criterion, sequence; CV 5932/2018) or "MC.1.1.01" (TT57).
 * Brackets of the first form are optional on input and always present in the normalised value.
 */
public record EvidenceCode(String value, CriterionCode criterion) {
    private static final Pattern BOX_STYLE = Pattern.compile("^\\[?H(\\d{1,3})-(\\d{1,2})\\.(\\d{1,2})-(\\d{1,3})]?$");
    private static final Pattern MC_STYLE = Pattern.compile("^MC\\.(\\d{1,2})\\.(\\d{1,2})\\.(\\d{1,3})$");

    public EvidenceCode {
        if (value == null || criterion == null) {
            throw new IllegalArgumentException("Mã minh chứng phải là chuỗi dạng [H1-1.1-01] hoặc MC.1.1.01");
        }
    }

    @JsonCreator
    public static EvidenceCode parse(String text) {
        if (text == null) throw new IllegalArgumentException("Mã minh chứng trống");
        String s = text.strip();
        Matcher box = BOX_STYLE.matcher(s);
        if (box.matches()) {
            CriterionCode criterion = criterion(box.group(2), box.group(3));
            return new EvidenceCode("[H" + Integer.parseInt(box.group(1)) + "-" + criterion + "-"
                    + twoDigits(box.group(4)) + "]", criterion);
        }
        Matcher mc = MC_STYLE.matcher(s);
        if (mc.matches()) {
            CriterionCode criterion = criterion(mc.group(1), mc.group(2));
            return new EvidenceCode("MC." + criterion + "." + twoDigits(mc.group(3)), criterion);
        }
        throw new IllegalArgumentException(
                "Mã minh chứng không đúng dạng [H1-1.1-01] hoặc MC.1.1.01: " + text);
    }

    private static CriterionCode criterion(String standard, String number) {
        return new CriterionCode(Integer.parseInt(standard) + "." + Integer.parseInt(number));
    }

    /** At least two digits ("01"); String.format did the same at many times the cost, for every code read. */
    private static String twoDigits(String sequence) {
        int number = Integer.parseInt(sequence);
        return number < 10 ? "0" + number : Integer.toString(number);
    }

    @JsonValue
    @Override
    public String value() { return value; }

    @Override
    public String toString() { return value; }
}
