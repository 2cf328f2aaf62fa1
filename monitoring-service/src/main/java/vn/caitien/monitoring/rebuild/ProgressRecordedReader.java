package vn.caitien.monitoring.rebuild;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import vn.caitien.api.item.ActionItemId;
import vn.caitien.api.item.Money;
import vn.caitien.api.plan.PlanId;
import vn.caitien.api.progress.EvidenceCode;
import vn.caitien.api.progress.IndicatorValue;
import vn.caitien.api.progress.ProgressRecorded;
import vn.caitien.api.progress.ProgressStatus;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the {@code data} of a ProgressRecorded record — nine in ten records of a school year — token
 * by token, through the same factories Jackson calls ({@code PlanId.of}, {@code EvidenceCode.parse},
 * {@code Money.of}, the record's constructor). It takes only the plain shape plan-service writes:
 * strings as strings, whole numbers as numbers, ISO dates, exact status names; anything else (a number
 * as text, a date with a time, a null in a list, a value a factory refuses) throws {@link NotPlain}
 * and the record is bound by Jackson as the converter binds it.
 */
final class ProgressRecordedReader {

    /** The record is not in the plain shape: bind it the general way. */
    static final class NotPlain extends IOException {
        NotPlain(String what) {
            super(what, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() { return this; }
    }

    private static final List<String> FIELDS = List.of("planId", "itemId", "progressId", "status", "percent",
            "indicatorValues", "narrative", "evidenceCodes", "amountSpentToDate", "effectiveDate");

    private ProgressRecordedReader() {
    }

    /**
     * Reads from the {@code START_OBJECT} of the data to its {@code END_OBJECT}.
     *
     * @param codes {@link EvidenceCode#parse}, or a function answering what it answers
     */
    static ProgressRecorded read(JsonParser p, Function<String, EvidenceCode> codes) throws IOException {
        PlanId planId = null;
        ActionItemId itemId = null;
        String progressId = null;
        ProgressStatus status = null;
        Integer percent = null;
        List<IndicatorValue> indicators = null;
        String narrative = null;
        List<EvidenceCode> evidence = null;
        Money amount = null;
        LocalDate effectiveDate = null;
        try {
            int seen = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                int bit = FIELDS.indexOf(field);
                if (bit >= 0) {
                    if ((seen & 1 << bit) != 0) throw new NotPlain("repeated key " + field);
                    seen |= 1 << bit;
                }
                switch (field) {
                    case "planId" -> planId = token == JsonToken.VALUE_NULL ? null : PlanId.of(text(p, token));
                    case "itemId" -> itemId = token == JsonToken.VALUE_NULL ? null : ActionItemId.of(text(p, token));
                    case "progressId" -> progressId = token == JsonToken.VALUE_NULL ? null : text(p, token);
                    case "status" -> status = token == JsonToken.VALUE_NULL ? null : status(text(p, token));
                    case "percent" -> percent = token == JsonToken.VALUE_NULL ? null : Integer.valueOf(integer(p, token));
                    case "indicatorValues" -> indicators = token == JsonToken.VALUE_NULL ? null : indicators(p, token);
                    case "narrative" -> narrative = token == JsonToken.VALUE_NULL ? null : text(p, token);
                    case "evidenceCodes" -> evidence = token == JsonToken.VALUE_NULL ? null : evidence(p, token, codes);
                    case "amountSpentToDate" -> amount = token == JsonToken.VALUE_NULL ? null : Money.of(whole(p, token));
                    case "effectiveDate" -> effectiveDate = token == JsonToken.VALUE_NULL ? null : date(text(p, token));
                    default -> p.skipChildren();
                }
            }
            return new ProgressRecorded(planId, itemId, progressId, status, percent, indicators, narrative, evidence,
                    amount, effectiveDate);
        } catch (RuntimeException refusedByAFactory) {
            throw new NotPlain(refusedByAFactory.toString());
        }
    }

    private static String text(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING) throw new NotPlain("not text");
        return p.getText();
    }

    private static int integer(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new NotPlain("not an int");
        }
        return p.getIntValue();
    }

    private static long whole(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new NotPlain("not a long");
        }
        return p.getLongValue();
    }

    /** Jackson finds an enum constant by its exact name first; other spellings are left to it. */
    private static ProgressStatus status(String name) throws NotPlain {
        for (ProgressStatus status : ProgressStatus.values()) if (status.name().equals(name)) return status;
        throw new NotPlain("not a status name");
    }

    /** Exactly yyyy-MM-dd: what Jackson's LocalDate reader parses with ISO_LOCAL_DATE unchanged. */
    private static LocalDate date(String text) throws NotPlain {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') throw new NotPlain("not a plain date");
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) throw new NotPlain("not a plain date");
        }
        return WireTimes.date(text);
    }

    private static List<IndicatorValue> indicators(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) throw new NotPlain("not a list");
        List<IndicatorValue> values = new ArrayList<>(2);
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) throw new NotPlain("not an indicator");
            String name = null;
            BigDecimal value = null;
            boolean named = false;
            boolean valued = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("name")) {
                    if (named) throw new NotPlain("repeated key name");
                    named = true;
                    name = v == JsonToken.VALUE_NULL ? null : text(p, v);
                } else if (field.equals("value")) {
                    if (valued) throw new NotPlain("repeated key value");
                    valued = true;
                    value = decimal(p, v);
                } else {
                    p.skipChildren();
                }
            }
            values.add(new IndicatorValue(name, value));
        }
        return values;
    }

    /** As a tree holds a number and binds a BigDecimal from it (see WireDecoder). */
    private static BigDecimal decimal(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_FLOAT -> BigDecimal.valueOf(p.getDoubleValue());
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? new BigDecimal(p.getBigIntegerValue()) : BigDecimal.valueOf(p.getLongValue());
            default -> throw new NotPlain("not a number");
        };
    }

    private static List<EvidenceCode> evidence(JsonParser p, JsonToken token, Function<String, EvidenceCode> parse)
            throws IOException {
        if (token != JsonToken.START_ARRAY) throw new NotPlain("not a list");
        List<EvidenceCode> codes = new ArrayList<>(2);
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            String text = text(p, token);
            codes.add(parse.apply(text));
        }
        return codes;
    }
}
