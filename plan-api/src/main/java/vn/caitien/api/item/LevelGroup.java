package vn.caitien.api.item;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The level rows that group a plan's table: "MỨC 1, 2, 3", "MỨC 2", "MỨC 4". Written on the wire
 * as that label; read from the label, from "1-3", "1,2,3" or from "MUC_1_2_3".
 */
public record LevelGroup(List<Integer> levels) {
    private static final Pattern RANGE = Pattern.compile("^(\\d)\\s*[-–]\\s*(\\d)$");
    public static final LevelGroup LEVELS_1_TO_3 = new LevelGroup(List.of(1, 2, 3));
    public static final LevelGroup LEVEL_4 = new LevelGroup(List.of(4));

    public LevelGroup {
        if (levels == null || levels.isEmpty()) throw new IllegalArgumentException("Nhóm mức trống");
        TreeSet<Integer> sorted = new TreeSet<>(levels);
        if (sorted.first() < 1 || sorted.last() > 4) {
            throw new IllegalArgumentException("Mức phải từ 1 đến 4: " + levels);
        }
        levels = List.copyOf(sorted);
    }

    @JsonCreator
    public static LevelGroup parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("Nhóm mức trống");
        String s = text.toUpperCase(Locale.ROOT).replace("MỨC", " ").replace("MUC", " ")
                .replace('_', ',').strip();
        Matcher range = RANGE.matcher(s);
        if (range.matches()) {
            List<Integer> levels = new ArrayList<>();
            for (int i = Integer.parseInt(range.group(1)); i <= Integer.parseInt(range.group(2)); i++) levels.add(i);
            return new LevelGroup(levels);
        }
        List<Integer> levels = new ArrayList<>();
        for (String part : s.split("[,;\\s]+")) {
            if (part.isBlank()) continue;
            if (!part.matches("\\d")) throw new IllegalArgumentException("Nhóm mức không hợp lệ: " + text);
            levels.add(Integer.parseInt(part));
        }
        return new LevelGroup(levels);
    }

    public boolean isLevel4() { return levels.equals(List.of(4)); }

    public boolean includesLevel4() { return levels.contains(4); }

    public int highest() { return levels.get(levels.size() - 1); }

    @JsonValue
    public String label() {
        return "MỨC " + levels.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() { return label(); }
}
