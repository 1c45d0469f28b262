package se.styrregistret.query.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

/**
 * The projections' segments ({@code styrregistret.projections.segments}, query-service.yml). Each projection
 * processor keeps Axon's default sequencing, one sequence per aggregate: every projection writes a row only
 * from an event of the aggregate the row belongs to, and computes what spans aggregates (totals, names of
 * other bodies, district views) when it answers, so its rows do not depend on the order in which segments
 * apply different aggregates' events. The audit log is the exception, kept in the log's order here.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionSegments {

    /** The processors the property sets the segments of; the audit log keeps its one. */
    static final List<String> PROJECTIONS = List.of("orgchart", "actionplans", "districts", "ledger", "agreements", "audit");

    /**
     * The audit log's sequencing ({@code sequencing-policy} in query-service.yml): all events one sequence, so
     * a single segment appends every leaf in the order the log is read, even if its segment were ever split.
     */
    @Bean
    SequencingPolicy<Object> auditLogInLogOrder() {
        return new SequentialPolicy();
    }

    /**
     * With several segments: an idle segment (none of the newest events are its aggregates') stores its
     * token every {@code idle-segment-token-interval} instead of Axon's 5 s, since the revision answers
     * reflect is the lowest over segments and read-your-writes waits at most 5 s for it; and each instance
     * claims its fair share of segments ({@link QueryInstances}) rather than the first one all of them.
     */
    @Bean
    ConfigurerModule projectionSegmentsPerInstance(@Value("${styrregistret.projections.segments:1}") int segments,
                                                   @Value("${styrregistret.projections.idle-segment-token-interval:500ms}")
                                                   Duration idleTokenInterval,
                                                   QueryInstances instances) {
        if (segments < 1) {
            throw new IllegalStateException("styrregistret.projections.segments must be 1 or more, not " + segments);
        }
        return configurer -> {
            if (segments == 1) return; // one segment: Axon's defaults, as before
            configurer.eventProcessing(processing -> PROJECTIONS.forEach(name ->
                    processing.registerPooledStreamingEventProcessorConfiguration(name, (config, builder) -> builder
                            .claimExtensionThreshold(Math.max(1, idleTokenInterval.toMillis()))
                            .maxSegmentProvider(processor -> instances.fairShare(segments)))));
        };
    }
}
