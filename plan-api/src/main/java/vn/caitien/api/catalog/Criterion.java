package vn.caitien.api.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A criterion of a standard: "3.4 Khu vệ sinh..." with the levels at which it has indicators. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Criterion(String code, String name, List<Integer> levels, boolean mandatory) {
    public Criterion {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }
}
