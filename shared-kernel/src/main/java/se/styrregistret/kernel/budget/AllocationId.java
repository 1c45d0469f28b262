package se.styrregistret.kernel.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of an allocation (one movement of money from a source to a recipient); serialised as its plain string value. */
public record AllocationId(String value) {

    public AllocationId {
        Objects.requireNonNull(value, "value");
    }

    public static AllocationId random() {
        return new AllocationId(UUID.randomUUID().toString());
    }

    @JsonCreator
    public static AllocationId of(String value) {
        return new AllocationId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        // Axon routes commands by the identifier's toString()
        return value;
    }
}
