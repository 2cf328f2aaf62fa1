package vn.caitien.api.item;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.text.NumberFormat;
import java.util.Locale;

/** An amount in Vietnamese đồng (no minor unit), never negative. */
public record Money(long vnd) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);

    public Money {
        if (vnd < 0) throw new IllegalArgumentException("Số tiền không được âm: " + vnd);
    }

    @JsonCreator
    public static Money of(long vnd) { return new Money(vnd); }

    @JsonValue
    @Override
    public long vnd() { return vnd; }

    public Money plus(Money other) { return new Money(Math.addExact(vnd, other.vnd)); }

    @Override
    public int compareTo(Money other) { return Long.compare(vnd, other.vnd); }

    /** "494.510.000 đồng", the way Vietnamese documents write amounts. */
    public String display() {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(vnd) + " đồng";
    }

    @Override
    public String toString() { return display(); }
}
