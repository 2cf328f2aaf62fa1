package vn.caitien.planservice.problem;

/** One field at fault in a refused request, e.g. {"field": "percent", "message": "..."}. */
public record FieldError(String field, String message) {
}
