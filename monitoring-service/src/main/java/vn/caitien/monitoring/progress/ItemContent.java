package vn.caitien.monitoring.progress;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import vn.caitien.api.wire.WireJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/**
 * The content columns of an item_progress row, read back from the details JSON the fold kept — the
 * same values the handler takes from the event's {@code ActionItemDetails} (criterion code, level
 * group label, target, lead, first days of the start and end months, budget amount).
 *
 * @param startDay first day of the start month in days since the epoch, or {@link ColumnValues#NO_DAY}
 * @param endDay   likewise for the end month
 * @param budget   the budget amount in đồng, or null
 */
public record ItemContent(String criterionCode, String levelGroup, String targetResult, String lead, int startDay,
                          int endDay, Long budget, byte[] detailsJson) {

    public static ItemContent of(byte[] detailsJson) {
        String criterion = null;
        String level = null;
        String target = null;
        String lead = null;
        int start = ColumnValues.NO_DAY;
        int end = ColumnValues.NO_DAY;
        Long budget = null;
        try (JsonParser p = WireJson.mapper().getFactory().createParser(detailsJson)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "criterionCode" -> criterion = p.getValueAsString();
                    case "levelGroup" -> level = p.getValueAsString();
                    case "targetResult" -> target = p.getValueAsString();
                    case "lead" -> lead = p.getValueAsString();
                    case "schedule" -> {
                        if (value == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String part = p.currentName();
                                p.nextToken();
                                if (part.equals("start")) start = month(p.getValueAsString());
                                else if (part.equals("end")) end = month(p.getValueAsString());
                                else p.skipChildren();
                            }
                        }
                    }
                    case "budget" -> {
                        if (value == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String part = p.currentName();
                                JsonToken amount = p.nextToken();
                                if (part.equals("amount") && amount == JsonToken.VALUE_NUMBER_INT) budget = p.getLongValue();
                                else p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc lại được nội dung " + new String(detailsJson, StandardCharsets.UTF_8), e);
        }
        return new ItemContent(criterion, level, target, lead, start, end, budget, detailsJson);
    }

    private static int month(String text) {
        return text == null ? ColumnValues.NO_DAY : ColumnValues.month(YearMonth.parse(text));
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) throw new IOException("Expected " + expected + ", got " + actual);
    }
}
