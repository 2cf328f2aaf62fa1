package vn.caitien.monitoring.progress;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of item_progress as the fold leaves it, kept small: a hundred thousand of them sit in the
 * heap during a rebuild. The content (details JSON) is only a reference into a {@link DetailsStore};
 * the other content columns are read back from it when the row is written.
 */
public final class FoldedItem {
    static final String DEFAULT_STATUS = "CHUA_THUC_HIEN";
    private static final String[] NONE = new String[0];
    private final String itemId;
    private final int position;
    private long details;
    private String status = DEFAULT_STATUS;
    private Integer percent;
    private Long amountSpent;
    private String[] evidence = NONE;
    private int evidenceCount;
    private int lastEffectiveDay = ColumnValues.NO_DAY;
    private long lastUpdatedMicros = ColumnValues.NO_INSTANT;
    private String lastUpdatedBy;
    private boolean removed;
    private String[] indicatorNames = NONE;
    private BigDecimal[] indicatorValues;
    private int indicatorCount;

    FoldedItem(String itemId, int position, long details) {
        this.itemId = itemId;
        this.position = position;
        this.details = details;
    }

    void replaceDetails(long reference) { details = reference; }

    void markRemoved() { removed = true; }

    /**
     * A progress record: evidence always accumulates; the standing (status, percent, amount, date,
     * indicator values) moves only for a record at least as recent as the last one; who and when last
     * updated always move.
     */
    void record(String newStatus, Integer newPercent, Long amount, int effectiveDay, String[] codes,
                Map<String, BigDecimal> indicators, long atMicros, String actor) {
        for (String code : codes) addEvidence(code);
        if (lastEffectiveDay == ColumnValues.NO_DAY || lastEffectiveDay <= effectiveDay) {
            status = newStatus;
            if (newPercent != null) percent = newPercent;
            if (amount != null) amountSpent = amount;
            lastEffectiveDay = effectiveDay;
            indicators.forEach(this::putIndicator);
        }
        lastUpdatedMicros = atMicros;
        lastUpdatedBy = actor;
    }

    private void addEvidence(String code) {
        for (int i = 0; i < evidenceCount; i++) if (evidence[i].equals(code)) return;
        if (evidenceCount == evidence.length) evidence = Arrays.copyOf(evidence, Math.max(4, evidenceCount * 2));
        evidence[evidenceCount++] = code;
    }

    /** jsonb {@code ||}: a key already there takes the new value, a new key is added. */
    private void putIndicator(String name, BigDecimal value) {
        for (int i = 0; i < indicatorCount; i++) {
            if (indicatorNames[i].equals(name)) {
                indicatorValues[i] = value;
                return;
            }
        }
        if (indicatorCount == indicatorNames.length) {
            int capacity = Math.max(2, indicatorCount * 2);
            indicatorNames = Arrays.copyOf(indicatorNames, capacity);
            indicatorValues = indicatorValues == null ? new BigDecimal[capacity] : Arrays.copyOf(indicatorValues, capacity);
        }
        indicatorNames[indicatorCount] = name;
        indicatorValues[indicatorCount++] = value;
    }

    public String itemId() { return itemId; }

    public int position() { return position; }

    public long detailsReference() { return details; }

    public String status() { return status; }

    public Integer percent() { return percent; }

    public Long amountSpent() { return amountSpent; }

    /** The evidence codes, each once, in the order they first came (the writer sorts them as the database does). */
    public String[] evidence() { return Arrays.copyOf(evidence, evidenceCount); }

    public int lastEffectiveDay() { return lastEffectiveDay; }

    public long lastUpdatedMicros() { return lastUpdatedMicros; }

    public String lastUpdatedBy() { return lastUpdatedBy; }

    public boolean removed() { return removed; }

    /** The latest value of each indicator (a value may be JSON null). */
    public Map<String, BigDecimal> indicatorValues() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < indicatorCount; i++) values.put(indicatorNames[i], indicatorValues[i]);
        return values;
    }
}
