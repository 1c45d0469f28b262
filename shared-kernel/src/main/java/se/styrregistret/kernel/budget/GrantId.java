package se.styrregistret.kernel.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of an external grant; serialised as its plain string value. */
public record GrantId(String value) {

    public GrantId {
        Objects.requireNonNull(value, "value");
    }

    public static GrantId random() {
        return new GrantId(UUID.randomUUID().toString());
    }

    @JsonCreator
    public static GrantId of(String value) {
        return new GrantId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        // Axon routes commands by the identifier's toString()
        return value;
    }
}
