package vn.caitien.monitoring.progress;

import java.util.List;

/** One page of a longer list. */
public record Page<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> Page<T> of(List<T> all, int page, int size) {
        int from = Math.min(page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(all.subList(from, to), page, size, all.size(), (all.size() + size - 1) / size);
    }
}
