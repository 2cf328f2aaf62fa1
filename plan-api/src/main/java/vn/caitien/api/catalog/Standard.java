package vn.caitien.api.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** Tiêu chuẩn: a numbered group of criteria. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Standard(int no, String name, List<Criterion> criteria) {
    public Standard {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }
}
