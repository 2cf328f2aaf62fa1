package vn.caitien.api.item;

import java.math.BigDecimal;

/** A measurable part of the target result, e.g. "Sĩ số" from 38 to 35 "học sinh/lớp". */
public record Indicator(String name, BigDecimal baseline, BigDecimal target, String unit) {
}
