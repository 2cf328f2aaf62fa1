package vn.caitien.infra.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the rows plan-service imported from a demo plan's Word document with the demo script's items,
 * by criterion code in document order (a criterion written twice pairs in order), so the timeline can
 * name rows by their key while the service knows them by the ids the import gave them.
 */
final class ImportedItems {
    private ImportedItems() {
    }

    /**
     * @param answer the import's answer: {@code items[]} with {@code criterionCode}, {@code row},
     *               {@code skipped} and, for imported rows, {@code itemId}
     * @return item id by item key, in the script's order
     * @throws IllegalArgumentException naming the criteria missing, extra or skipped when they do not match
     */
    static Map<String, String> match(List<DemoData.ItemStep> expected, Map<String, Object> answer) {
        if (!(answer.get("items") instanceof List<?> rows)) {
            throw new IllegalArgumentException("câu trả lời không có danh sách nội dung (items)");
        }
        Map<String, Deque<String>> importedByCode = new LinkedHashMap<>();
        List<String> importedCodes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> item)) throw new IllegalArgumentException("items[] cần các đối tượng JSON");
            String code = item.get("criterionCode") == null ? "?" : String.valueOf(item.get("criterionCode"));
            if (item.get("itemId") instanceof String id && !id.isBlank() && !Boolean.TRUE.equals(item.get("skipped"))) {
                importedByCode.computeIfAbsent(code, c -> new ArrayDeque<>()).add(id);
                importedCodes.add(code);
            } else {
                skipped.add("dòng " + item.get("row") + " (tiêu chí " + code + ")");
            }
        }
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (DemoData.ItemStep step : expected) {
            Deque<String> candidates = importedByCode.get(step.criterionCode());
            String id = candidates == null ? null : candidates.poll();
            if (id == null) missing.add(step.criterionCode());
            else ids.put(step.key(), id);
        }
        List<String> extra = importedByCode.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(id -> e.getKey())).toList();
        if (missing.isEmpty() && extra.isEmpty()) return ids;

        StringBuilder text = new StringBuilder("tệp cho ").append(importedCodes.size()).append(" nội dung cải tiến (tiêu chí ")
                .append(String.join(", ", importedCodes)).append("), kịch bản mẫu cần ").append(expected.size())
                .append(" (tiêu chí ").append(String.join(", ", expected.stream().map(DemoData.ItemStep::criterionCode)
                        .toList())).append(')');
        if (!missing.isEmpty()) text.append("; thiếu tiêu chí ").append(String.join(", ", missing));
        if (!extra.isEmpty()) text.append("; thừa tiêu chí ").append(String.join(", ", extra));
        if (!skipped.isEmpty()) text.append("; bị bỏ qua: ").append(String.join(", ", skipped));
        throw new IllegalArgumentException(text.toString());
    }
}
