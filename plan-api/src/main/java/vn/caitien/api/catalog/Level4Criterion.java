package vn.caitien.api.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A level-4 requirement (Điều 22 of the 2018 circulars), named "M4.n". */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Level4Criterion(String code, String ref, String summary) {
}
