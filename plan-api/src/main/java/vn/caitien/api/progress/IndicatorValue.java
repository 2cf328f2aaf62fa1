package vn.caitien.api.progress;

import java.math.BigDecimal;

/** The measured value of one of the item's indicators at the progress record's effective date. */
public record IndicatorValue(String name, BigDecimal value) {
}
