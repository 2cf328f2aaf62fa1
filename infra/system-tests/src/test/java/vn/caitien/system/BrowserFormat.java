package vn.caitien.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The dashboard's Vietnamese number formats (static/js/format.js), to compare the page with the API. */
final class BrowserFormat {
    private BrowserFormat() {
    }

    /** A completion rate 0..1 as the page shows it: 0.727 → "72,7%", 1 → "100%", 0 → "0%". */
    static String rate(double rate) {
        BigDecimal pct = BigDecimal.valueOf(rate).multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return pct.toPlainString().replace('.', ',') + "%";
    }

    /** An item's percent: 55 → "55%"; not recorded yet → "—". */
    static String percent(JsonNode percent) {
        return percent == null || percent.isNull() || percent.isMissingNode() ? "—" : percent.asInt() + "%";
    }
}
