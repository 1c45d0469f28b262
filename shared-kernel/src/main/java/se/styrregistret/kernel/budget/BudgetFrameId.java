package se.styrregistret.kernel.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a committee's budget frame for one fiscal year; serialised as its plain string value. */
public record BudgetFrameId(String value) {

    public BudgetFrameId {
        Objects.requireNonNull(value, "value");
    }

    public static BudgetFrameId random() {
        return new BudgetFrameId(UUID.randomUUID().toString());
    }

    @JsonCreator
    public static BudgetFrameId of(String value) {
        return new BudgetFrameId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        // Axon routes commands by the identifier's toString()
        return value;
    }
}
