package se.styrregistret.kernel.actionplan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of an action plan; serialised as its plain string value. */
public record ActionPlanId(String value) {

    public ActionPlanId {
        Objects.requireNonNull(value, "value");
    }

    public static ActionPlanId random() {
        return new ActionPlanId(UUID.randomUUID().toString());
    }

    @JsonCreator
    public static ActionPlanId of(String value) {
        return new ActionPlanId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        // Axon routes commands by the identifier's toString()
        return value;
    }
}
