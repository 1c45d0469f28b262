package se.styrregistret.command.web;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import se.styrregistret.kernel.common.DecisionReference.DatePrecision;
import se.styrregistret.kernel.provenance.Provenance;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A request may cite its sources: a top-level {@code provenance} object beside the command's fields (see
 * {@link Provenance}). It is taken out of the body before the command is bound (so no request type needs a
 * field for it), checked, and carried as metadata on the command and on every event the command causes.
 * A provenance that does not hold (a stated fact without a citation, an inference without its reasoning, a
 * proposal recorded as adopted or dated to the day) is refused with every field and reason, and nothing is
 * recorded.
 */
@Configuration(proxyBeanMethods = false)
class ProvenanceIntake {

    static final String ATTRIBUTE = ProvenanceIntake.class.getName();

    /** Longest provenance accepted, as JSON text: many passages, never a whole document. */
    static final int MAX_CHARS = 64 * 1024;

    @Bean
    static CorrelationDataProvider provenanceOnEvents() {
        return new SimpleCorrelationDataProvider(Provenance.METADATA_KEY);
    }

    @Bean
    SmartInitializingSingleton provenanceOnCommands(CommandBus commandBus) {
        return () -> commandBus.registerDispatchInterceptor(new MessageDispatchInterceptor<CommandMessage<?>>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> ofCurrentRequest()
                        .<CommandMessage<?>>map(json -> command.andMetaData(Map.of(Provenance.METADATA_KEY, json)))
                        .orElse(command);
            }
        });
    }

    private static Optional<String> ofCurrentRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) return Optional.empty();
        return Optional.ofNullable((String) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** A provenance that cannot be accepted: each problem with its field, rule and reason. */
    static final class ProvenanceRefused extends RuntimeException {
        private final List<Provenance.Problem> problems;

        ProvenanceRefused(List<Provenance.Problem> problems) {
            super(problems.get(0).field() + ": " + problems.get(0).reason());
            this.problems = List.copyOf(problems);
        }

        List<Provenance.Problem> problems() {
            return problems;
        }
    }

    @ControllerAdvice
    static class TakeOutOfBody extends RequestBodyAdviceAdapter {

        private final JsonMapper json;

        TakeOutOfBody(JsonMapper json) {
            this.json = json;
        }

        @Override
        public boolean supports(MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                               Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
            byte[] body = input.getBody().readAllBytes();
            JsonNode tree;
            try {
                tree = json.readTree(body);
            } catch (JacksonException notJson) {
                return replay(input, body); // the converter reports it, as for any request
            }
            if (!(tree instanceof ObjectNode object) || !object.has("provenance")) return replay(input, body);
            JsonNode given = object.remove("provenance");
            if (!given.isNull()) {
                Provenance provenance = read(given);
                List<Provenance.Problem> problems = new ArrayList<>(provenance.problems());
                problems.addAll(datedAsDecided(provenance, object.path("decision")));
                if (!problems.isEmpty()) throw new ProvenanceRefused(problems);
                String value = provenance.toMetaDataValue();
                if (value.length() > MAX_CHARS) {
                    throw new ProvenanceRefused(List.of(new Provenance.Problem("provenance", "provenance-too-long",
                            "högst " + MAX_CHARS + " tecken: citera ställena, inte hela dokument")));
                }
                RequestContextHolder.currentRequestAttributes().setAttribute(ATTRIBUTE, value, RequestAttributes.SCOPE_REQUEST);
            }
            return replay(input, json.writeValueAsBytes(object));
        }

        private Provenance read(JsonNode given) {
            try {
                return json.treeToValue(given, Provenance.class);
            } catch (DatabindException e) {
                String path = e.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                        .reduce("provenance", String::concat);
                throw new ProvenanceRefused(List.of(new Provenance.Problem(path, "provenance-unreadable",
                        "okänt fält eller fel typ (" + e.getOriginalMessage().split("\n")[0] + ")")));
            }
        }

        /** A proposal's adoption date is not in its source: the decision may not claim a day. */
        private static List<Provenance.Problem> datedAsDecided(Provenance provenance, JsonNode decision) {
            Provenance.DecisionStatus status = provenance.statusAsKnown();
            boolean adoptionUnknown = status == Provenance.DecisionStatus.PROPOSED
                    || status == Provenance.DecisionStatus.ADOPTION_DATE_UNKNOWN;
            if (!adoptionUnknown || !decision.isObject()) return List.of();
            String precision = decision.path("datePrecision").asString(DatePrecision.DAY.name());
            if (!DatePrecision.DAY.name().equals(precision)) return List.of();
            return List.of(new Provenance.Problem("decision.datePrecision", "adoption-date-not-in-source",
                    "beslutet är ett förslag eller har okänt datum: ange datePrecision AFTER (eller MONTH/YEAR/BEFORE)"
                            + " och inte en dag som ingen källa anger"));
        }

        private static HttpInputMessage replay(HttpInputMessage input, byte[] body) {
            return new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public HttpHeaders getHeaders() {
                    return input.getHeaders();
                }
            };
        }
    }
}
