package se.styrregistret.kernel.agreement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** Identity of an agreement (e.g. "samverkansoverenskommelse-2019-2022"); serialised as its plain value. */
public record AgreementId(String value) {

    public AgreementId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static AgreementId of(String value) {
        return new AgreementId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
