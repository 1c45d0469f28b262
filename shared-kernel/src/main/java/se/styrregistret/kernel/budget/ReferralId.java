package se.styrregistret.kernel.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a referred financing item; serialised as its plain string value. */
public record ReferralId(String value) {

    public ReferralId {
        Objects.requireNonNull(value, "value");
    }

    public static ReferralId random() {
        return new ReferralId(UUID.randomUUID().toString());
    }

    @JsonCreator
    public static ReferralId of(String value) {
        return new ReferralId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        // Axon routes commands by the identifier's toString()
        return value;
    }
}
