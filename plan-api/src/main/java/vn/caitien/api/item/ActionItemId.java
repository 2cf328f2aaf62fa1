package vn.caitien.api.item;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of one action item (one row of the plan table). */
public record ActionItemId(String value) {
    public ActionItemId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("Mã nội dung cải tiến trống");
        if (value.length() > 64) throw new IllegalArgumentException("Mã nội dung cải tiến dài quá 64 ký tự");
    }

    @JsonCreator
    public static ActionItemId of(String value) { return new ActionItemId(value.trim()); }

    public static ActionItemId random() { return new ActionItemId(UUID.randomUUID().toString()); }

    @JsonValue
    @Override
    public String value() { return value; }

    @Override
    public String toString() { return value; }
}
