package se.styrregistret.command.web;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import se.styrregistret.command.common.CommandAccepted;
import se.styrregistret.support.Revisions;
import se.styrregistret.support.web.InvalidInput;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP. Answers to commands carry the aggregate's version as an
 * ETag; a command sent with {@code If-Match: "N"} is carried out only if the aggregate is still
 * at version N; Axon checks that while it holds the aggregate, so the check and the append are
 * one step (412 otherwise).
 */
public final class ExpectedVersion {

    /** Metadata key the If-Match version travels under, from the HTTP layer to the repository. */
    public static final String KEY = "expectedVersion";
    private static final Pattern ETAG = Pattern.compile("^\\s*(?:W/)?\"(\\d{1,18})\"\\s*$");

    private ExpectedVersion() {
    }

    /** The version the current request's If-Match header names, if any. */
    static Optional<Long> fromCurrentRequest() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        String ifMatch = attributes.getRequest().getHeader("If-Match");
        if (ifMatch == null) {
            return Optional.empty();
        }
        Matcher m = ETAG.matcher(ifMatch);
        if (!m.matches()) {
            throw new InvalidInput("If-Match", "väntade en ETag från ett tidigare svar, t.ex. \"3\"");
        }
        return Optional.of(Long.parseLong(m.group(1)));
    }

    /** Resolves the target as the annotations say, with the expected version from the metadata. */
    @Component("versionedTargetResolver")
    public static class TargetResolver implements CommandTargetResolver {

        private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

        @Override
        public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
            VersionedAggregateIdentifier target = annotations.resolveTarget(command);
            Object expected = command.getMetaData().get(KEY);
            return expected == null ? target
                    : new VersionedAggregateIdentifier(target.getIdentifierValue(), Long.valueOf(expected.toString()));
        }
    }

    /**
     * Puts the aggregate's version after the command on the answer, as its ETag, and the log's
     * revision after the command, in the body and the {@value #REVISION_HEADER} header: a client reads
     * its own write by sending it as {@code minRevision} to the query-service.
     */
    @ControllerAdvice
    static class ETagOnAnswers implements ResponseBodyAdvice<Object> {

        static final String REVISION_HEADER = "Styrregistret-Revision";

        private final EventStore eventStore;

        ETagOnAnswers(EventStore eventStore) {
            this.eventStore = eventStore;
        }

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                               Class<? extends HttpMessageConverter<?>> converterType,
                                               ServerHttpRequest request, ServerHttpResponse response) {
            if (body instanceof CommandAccepted accepted) {
                if (accepted.id() != null && !accepted.id().contains(",")) {
                    eventStore.lastSequenceNumberFor(accepted.id())
                            .ifPresent(version -> response.getHeaders().setETag("\"" + version + "\""));
                }
                long revision = Revisions.readUpTo(eventStore.createHeadToken());
                response.getHeaders().set(REVISION_HEADER, Long.toString(revision));
                return accepted.revision() == null ? accepted.withRevision(revision) : accepted;
            }
            return body;
        }
    }
}
