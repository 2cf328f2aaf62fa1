package vn.caitien.monitoring.rebuild;

import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.ProgressRecorded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance of each evidence code for the whole replay. A school year's items keep some 700,000
 * codes, most of them the same few thousand texts read again and again; as separate strings they took a
 * quarter of the rows' heap at the benchmark's size, which a 256 MB service cannot spare. Equal values,
 * so what the read model makes of the event is the same.
 */
final class SharedEvidenceCodes {
    static final int MAX_CODES = 200_000;
    private final Map<String, EvidenceCode> codes = new ConcurrentHashMap<>();
    /** The shared code each text read off the wire parses to ({@link EvidenceCode#parse} is a pure function). */
    private final Map<String, EvidenceCode> byText = new ConcurrentHashMap<>();

    /**
     * {@link EvidenceCode#parse}, answering the shared code: what {@link WireDecoder} reads is then shared
     * already, and {@link #share} need not copy its payload.
     */
    EvidenceCode parse(String text) {
        EvidenceCode known = byText.get(text);
        if (known != null) return known;
        EvidenceCode code = shared(EvidenceCode.parse(text));
        if (byText.size() < MAX_CODES) byText.putIfAbsent(text, code);
        return code;
    }

    private EvidenceCode shared(EvidenceCode code) {
        EvidenceCode known = codes.get(code.value());
        if (known == null && codes.size() < MAX_CODES) known = codes.putIfAbsent(code.value(), code);
        return known != null && known.equals(code) ? known : code;
    }

    /** The payload with its evidence codes replaced by the shared ones; other payloads as they are. */
    Object share(Object payload) {
        if (!(payload instanceof ProgressRecorded e) || e.evidenceCodes().isEmpty()) return payload;
        List<EvidenceCode> shared = new ArrayList<>(e.evidenceCodes().size());
        boolean same = true;
        for (EvidenceCode code : e.evidenceCodes()) {
            EvidenceCode known = shared(code);
            same &= known == code;
            shared.add(known);
        }
        if (same) return payload;
        return new ProgressRecorded(e.planId(), e.itemId(), e.progressId(), e.status(), e.percent(), e.indicatorValues(),
                e.narrative(), shared, e.amountSpentToDate(), e.effectiveDate());
    }
}
