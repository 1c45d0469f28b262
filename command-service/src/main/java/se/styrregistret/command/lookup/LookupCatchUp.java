package se.styrregistret.command.lookup;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import se.styrregistret.kernel.correction.EntryCorrected;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.styrregistret.command.common.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The lookup tables caught up from the event log (a tracking processor with its own token in
 * PostgreSQL, replayable). Under the {@code axonserver} profile the log lives in Axon Server and
 * the tables in PostgreSQL: a new or restored PostgreSQL beside a used Axon Server is filled from
 * the log before it decides anything. Until the processor has reached the head of the log once,
 * every command is refused with 503 (never a wrong 201 from a table that is behind); after that the
 * live path keeps the tables current and this processor only confirms what it already applied.
 */
@Component
@ProcessingGroup(LookupCatchUp.PROCESSING_GROUP)
class LookupCatchUp {

    static final String PROCESSING_GROUP = "lookups-catch-up";

    private static final Logger log = LoggerFactory.getLogger(LookupCatchUp.class);

    private final AppliedEvents applied;

    LookupCatchUp(AppliedEvents applied) {
        this.applied = applied;
    }

    @EventHandler
    void on(Object event, @MessageIdentifier String eventId,
            @MetaDataValue(EntryCorrected.CORRECTS) String corrects) {
        applied.apply(event, eventId, corrects);
    }

    /** Replaying the processor rebuilds the tables from the start of the log. */
    @ResetHandler
    void reset() {
        log.info("Lookup tables cleared; they are rebuilt from the start of the event log");
        applied.clearAll();
    }

    /**
     * Whether the tables have caught up with the log once (then the live path keeps them current):
     * the processor's token, wherever it is processed (with several command-service instances only one
     * holds the segment; the tables and the token are shared), covers the head of the log as it was
     * when this instance first asked.
     */
    @Component("lookupsHealthIndicator") // health component "lookups", part of readiness
    static class Gate implements HealthIndicator {

        private final EventProcessingConfiguration processing;
        private final EventStore log;
        private final JdbcTemplate jdbc;
        private final Serializer serializer;
        private volatile boolean open;
        private volatile TrackingToken headAtStart;
        private volatile boolean headRead;

        Gate(EventProcessingConfiguration processing, EventStore log, JdbcTemplate jdbc, Serializer serializer) {
            this.processing = processing;
            this.log = log;
            this.jdbc = jdbc;
            this.serializer = serializer;
        }

        boolean isOpen() {
            if (open) return true;
            if (!headRead) {
                headAtStart = log.createHeadToken();
                headRead = true;
            }
            if (headAtStart == null || caughtUpHere() || sharedTokenCovers(headAtStart)) {
                open = true;
                LoggerFactory.getLogger(LookupCatchUp.class).info("Lookup tables have caught up with the event log; commands are accepted");
            }
            return open;
        }

        private boolean caughtUpHere() {
            Map<Integer, EventTrackerStatus> status = processing
                    .eventProcessor(PROCESSING_GROUP, StreamingEventProcessor.class)
                    .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
            return !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        }

        private boolean sharedTokenCovers(TrackingToken head) {
            List<TrackingToken> tokens = jdbc.query("select token, token_type from axon.token_entry where processor_name = ?",
                    (rs, i) -> rs.getBytes(1) == null ? null
                            : serializer.<byte[], TrackingToken>deserialize(new SimpleSerializedObject<>(rs.getBytes(1), byte[].class,
                            rs.getString(2), null)), PROCESSING_GROUP);
            // positions, not covers(): a gap-aware token keeps a rolled-back append (a killed instance's,
            // say) as a gap that never fills, and would never "cover" a head without it. An append still
            // in flight below the position is applied by its own command's live path anyway.
            long target = WrappedToken.unwrapUpperBound(head).position().orElse(0);
            return !tokens.isEmpty() && tokens.stream().allMatch(t -> t != null
                    && WrappedToken.unwrapUpperBound(t).position().orElse(-1) >= target);
        }

        String position() {
            return processing.eventProcessor(PROCESSING_GROUP, StreamingEventProcessor.class)
                    .map(p -> p.processingStatus().values().stream()
                            .map(s -> String.valueOf(s.getCurrentPosition().orElse(-1))).toList().toString())
                    .orElse("[]");
        }

        @Override
        public Health health() {
            return isOpen() ? Health.up().build()
                    : Health.outOfService().withDetail("lookups", "catching up with the event log")
                    .withDetail("position", position()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Setup {

        /**
         * A tracking processor; a new one starts at the tail of the log when the tables are empty (a
         * new database) and at its head otherwise (tables kept by the live path before this processor existed).
         */
        @Bean
        ConfigurerModule lookupCatchUpProcessor(AppliedEvents applied) {
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerTrackingEventProcessor(PROCESSING_GROUP, org.axonframework.config.Configuration::eventStore,
                            c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(200)
                                    .andInitialTrackingToken(source -> applied.nothingApplied()
                                            ? source.createTailToken() : source.createHeadToken())));
        }

        /** Commands wait for the gate: 503 with a problem body until the tables have caught up. */
        @Bean
        SmartInitializingSingleton commandsWaitForLookups(CommandBus commandBus, Gate gate) {
            return () -> commandBus.registerHandlerInterceptor((MessageHandlerInterceptor<CommandMessage<?>>) (unitOfWork, chain) -> {
                if (!gate.isOpen()) {
                    throw new Refusal(503, "lookups-catching-up", null, "Registret läser in sin logg",
                            "Registret läser fortfarande in händelseloggen och kan inte pröva nya beslut ännu. Försök igen om en stund.")
                            .asException(null);
                }
                return chain.proceed();
            });
        }

        /**
         * The service is started once the tables have caught up, within a bound; past the bound it
         * starts anyway, refusing commands with 503 until they have.
         */
        @Bean
        ApplicationRunner waitForLookups(Gate gate, @Value("${styrregistret.lookups.startup-wait:120s}") Duration wait) {
            return (ApplicationArguments args) -> {
                Instant deadline = Instant.now().plus(wait);
                while (!gate.isOpen() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                }
                if (!gate.isOpen()) {
                    log.warn("Lookup tables have not caught up with the event log within {} (at {}); commands answer 503 until they have",
                            wait, gate.position());
                }
            };
        }
    }
}
