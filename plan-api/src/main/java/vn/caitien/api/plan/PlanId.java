package vn.caitien.api.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of one improvement plan; a UUID string on the wire. */
public record PlanId(String value) {
    public PlanId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("Mã kế hoạch trống");
        if (value.length() > 64) throw new IllegalArgumentException("Mã kế hoạch dài quá 64 ký tự");
    }

    @JsonCreator
    public static PlanId of(String value) { return new PlanId(value.trim()); }

    public static PlanId random() { return new PlanId(UUID.randomUUID().toString()); }

    @JsonValue
    @Override
    public String value() { return value; }

    /** Axon routes commands by toString() of the target identifier. */
    @Override
    public String toString() { return value; }
}
