package se.styrregistret.command.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Strict reading of what clients send. Control characters (other than tab and line breaks), lone
 * surrogates and noncharacters are refused in any text: they have no place in a decision record, and NUL cannot be stored in
 * PostgreSQL text at all, so one let through would poison the projections that read the event.
 * Dates are ISO strings only: Jackson would otherwise read a number as a count of days since 1970.
 */
@Configuration(proxyBeanMethods = false)
class TextInputGuard {

    @Bean
    JacksonModule rejectControlCharacters() {
        return new SimpleModule("strict-input")
                .addDeserializer(String.class, new Guarded())
                .addDeserializer(LocalDate.class, new IsoDate());
    }

    /**
     * Numbers and yes/no only as JSON numbers and booleans, text only as JSON strings: Jackson would
     * otherwise read {@code "amountSek": "1000"} as a number and {@code "name": 42} as text.
     */
    @Bean
    JsonMapperBuilderCustomizer noCoercionBetweenScalars() {
        return builder -> builder
                .withCoercionConfig(LogicalType.Integer, c -> refuse(c, CoercionInputShape.String, CoercionInputShape.Boolean,
                        CoercionInputShape.Float))
                .withCoercionConfig(LogicalType.Float, c -> refuse(c, CoercionInputShape.String, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Boolean, c -> refuse(c, CoercionInputShape.String, CoercionInputShape.Integer,
                        CoercionInputShape.Float))
                .withCoercionConfig(LogicalType.Textual, c -> refuse(c, CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean));
    }

    private static void refuse(MutableCoercionConfig config, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) config.setCoercion(shape, CoercionAction.Fail);
    }

    static final class IsoDate extends ValueDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString().strip();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                        "inget giltigt datum (ÅÅÅÅ-MM-DD)");
            }
        }
    }

    static final class Guarded extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                    || token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                // a number or yes/no where text belongs: no silent conversion
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = super.deserialize(p, ctxt);
            if (value != null) {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                        return (String) ctxt.handleWeirdStringValue(String.class, value,
                                "kontrolltecken (U+%04X) är inte tillåtna i text", (int) c);
                    }
                    // a lone half of a surrogate pair is no character at all: it cannot be stored as
                    // UTF-8 nor read back, and would stop every projection that reads the event
                    if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                            || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                        return (String) ctxt.handleWeirdStringValue(String.class, value,
                                "ogiltig Unicode: ett ensamt surrogattecken (U+%04X)", (int) c);
                    }
                    if (c == 0xFFFE || c == 0xFFFF) {
                        return (String) ctxt.handleWeirdStringValue(String.class, value,
                                "ogiltig Unicode: icke-tecknet U+%04X", (int) c);
                    }
                }
            }
            return value;
        }
    }
}
