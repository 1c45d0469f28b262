package se.styrregistret.kernel.governance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a governance body; serialised as its plain string value. */
public record GovernanceBodyId(String value) {

    public GovernanceBodyId {
        Objects.requireNonNull(value, "value");
    }

    public static GovernanceBodyId random() {
        return new GovernanceBodyId(UUID.randomUUID().toString());
    }

    @JsonCreator
    public static GovernanceBodyId of(String value) {
        return new GovernanceBodyId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        // Axon routes commands by the identifier's toString()
        return value;
    }
}
