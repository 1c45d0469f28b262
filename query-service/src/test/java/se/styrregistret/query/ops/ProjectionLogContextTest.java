package se.styrregistret.query.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyId;
import se.styrregistret.query.support.QueryServiceTest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.styrregistret.query.ops.ProjectionLogContext.CORRELATION_ID;
import static se.styrregistret.query.ops.ProjectionLogContext.PROCESSOR;
import static se.styrregistret.query.ops.ProjectionLogContext.RECORDED_BY;
import static se.styrregistret.query.ops.ProjectionLogContext.REVISION;
import static se.styrregistret.query.ops.ProjectionLogContext.TRACE_ID;

/**
 * A projection's trouble, logged by Axon on the processor's thread, names the command that caused
 * the event and the event's revision: here the dead-letter queue parking an event behind an earlier
 * failure of the same body.
 */
class ProjectionLogContextTest extends QueryServiceTest {

    static final DecisionReference KS = new DecisionReference("KS 2020-1", null, LocalDate.of(2020, 1, 1), "Kommunstyrelsen");

    final ListAppender<ILoggingEvent> lines = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent line) {
            // a line reads the thread's MDC when first asked: ask now, on the thread that logs it
            line.prepareForDeferredProcessing();
            super.append(line);
        }
    };
    final Logger deadLetters = (Logger) LoggerFactory.getLogger(DeadLetteringEventHandlerInvoker.class);

    @BeforeEach
    void captureLines() {
        lines.start();
        deadLetters.addAppender(lines);
    }

    @AfterEach
    void releaseLines() {
        deadLetters.detachAppender(lines);
    }

    @Test
    void the_dead_letter_queue_s_line_names_the_command_that_caused_the_event_and_its_revision() {
        // given an amendment of a body the chart has never seen: the org chart cannot apply it
        GovernanceBodyId ghost = GovernanceBodyId.of("ghost-" + UUID.randomUUID());
        append("GovernanceBody", ghost.value(), amendment(ghost), MetaData.with(CORRELATION_ID, "command-1")
                .and(TRACE_ID, "request-1").and(RECORDED_BY, "registrar"));

        // when a second command amends it again
        long revision = append("GovernanceBody", ghost.value(), amendment(ghost), MetaData.with(CORRELATION_ID, "command-2")
                .and(TRACE_ID, "request-2").and(RECORDED_BY, "auditor"));

        // then the line saying it is parked behind the first carries the second command's ids
        List<ILoggingEvent> parked = awaitLinesAbout(ghost.value());
        assertThat(parked).extracting(e -> e.getMDCPropertyMap().get(PROCESSOR)).contains("orgchart");
        assertThat(parked).allSatisfy(e -> assertThat(e.getMDCPropertyMap())
                .containsEntry(CORRELATION_ID, "command-2")
                .containsEntry(TRACE_ID, "request-2")
                .containsEntry(RECORDED_BY, "auditor")
                .containsEntry(REVISION, Long.toString(revision)));
    }

    static GovernanceBodyAmended amendment(GovernanceBodyId body) {
        return new GovernanceBodyAmended(body, List.of(), "Spöke", List.of(), null, null, List.of(), LocalDate.of(2020, 2, 1), KS);
    }

    List<ILoggingEvent> awaitLinesAbout(String aggregateId) {
        return await("a dead-letter line about " + aggregateId).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    // the appender adds under its own lock, from the processor's thread
                    synchronized (lines) {
                        return lines.list.stream().filter(e -> e.getFormattedMessage().contains(aggregateId)).toList();
                    }
                }, about -> !about.isEmpty());
    }
}
