package se.styrregistret.command.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.styrregistret.command.support.CommandServiceTest;
import se.styrregistret.kernel.budget.BudgetFrameId;
import se.styrregistret.kernel.budget.OpenBudgetFrame;
import se.styrregistret.kernel.common.DecisionReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;
import static se.styrregistret.command.ops.CommandLogContext.COMMAND_TYPE;
import static se.styrregistret.command.ops.CommandLogContext.CORRELATION_ID;
import static se.styrregistret.command.ops.CommandLogContext.RECORDED_BY;
import static se.styrregistret.command.ops.CommandLogContext.TRACE_ID;

/**
 * Every line logged while a command is handled, including by the subscribing lookups while it
 * commits, carries the id its events are stored with as {@code correlationId}; afterwards the
 * handling thread's MDC is as it was.
 */
class CommandLogContextTest extends CommandServiceTest {

    static final String OPEN_FRAME = """
            {"committee":"Kommunstyrelsen","fiscalYear":2021,"amountSek":1000,"effectiveDate":"2021-03-01",
             "decision":{"decisionDate":"2021-03-01","decidedBy":"Kommunstyrelsen"}}""";
    static final LocalDate DAY = LocalDate.of(2021, 3, 1);
    static final DecisionReference DECISION = new DecisionReference(null, null, DAY, "Kommunstyrelsen");

    @Autowired
    CommandGateway commands;

    final ListAppender<ILoggingEvent> lines = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent line) {
            // a line reads the thread's MDC when first asked: ask now, on the thread that logs it
            line.prepareForDeferredProcessing();
            super.append(line);
        }
    };
    final List<Runnable> restore = new ArrayList<>();

    @BeforeEach
    void captureLines() {
        lines.start();
        capture(CommandLogContext.LOGGER, Level.INFO);
        // the budget-balances lookup writes through JdbcTemplate, which logs its SQL at DEBUG
        capture(JdbcTemplate.class.getName(), Level.DEBUG);
    }

    @AfterEach
    void releaseLines() {
        restore.forEach(Runnable::run);
        MDC.clear();
    }

    @Test
    void a_command_s_lines_carry_the_correlation_id_its_events_are_stored_with() {
        // when
        var response = post("/api/budget/frames", OPEN_FRAME);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String frameId = JsonMapper.shared().readTree(response.body()).path("id").asString();
        Map<String, Object> stored = jdbc.queryForMap("""
                select convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' as correlation_id,
                       convert_from(meta_data, 'UTF8')::jsonb ->> 'traceId' as trace_id
                from axon.domain_event_entry where aggregate_identifier = ?""", frameId);
        assertThat(stored.get("correlation_id")).isNotNull();

        List<ILoggingEvent> handled = from(CommandLogContext.LOGGER);
        assertThat(handled).hasSize(1);
        ILoggingEvent line = handled.get(0);
        assertThat(line.getFormattedMessage()).startsWith("OpenBudgetFrame " + frameId + ": committed in ");
        assertThat(line.getMDCPropertyMap())
                .containsEntry(CORRELATION_ID, (String) stored.get("correlation_id"))
                .containsEntry(TRACE_ID, (String) stored.get("trace_id"))
                .containsEntry(COMMAND_TYPE, "OpenBudgetFrame")
                .containsEntry(RECORDED_BY, "registrar");

        // the subscribing budget-balances lookup wrote the frame's balance while the command committed
        List<ILoggingEvent> lookup = from(JdbcTemplate.class.getName()).stream()
                .filter(e -> e.getFormattedMessage().contains("insert into registry.budget_source_balance")).toList();
        assertThat(lookup).hasSize(1);
        assertThat(lookup.get(0).getThreadName()).isEqualTo(line.getThreadName());
        assertThat(lookup.get(0).getMDCPropertyMap()).containsEntry(CORRELATION_ID, (String) stored.get("correlation_id"));
    }

    @Test
    void the_handling_thread_has_its_own_mdc_back_after_a_commit_and_after_a_rejection() {
        // given a thread that is already logging for something else; on it the command bus handles commands
        MDC.put(CORRELATION_ID, "outer-work");
        CommandMessage<?> opened = asCommandMessage(new OpenBudgetFrame(BudgetFrameId.random(), "Kommunstyrelsen", 2021, 0,
                null, DAY, DECISION));
        CommandMessage<?> refused = asCommandMessage(new OpenBudgetFrame(BudgetFrameId.random(), " ", 2021, 0,
                null, DAY, DECISION));

        // when
        commands.sendAndWait(opened);
        Throwable refusal = catchThrowable(() -> commands.sendAndWait(refused));

        // then
        assertThat(refusal).isNotNull();
        assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of(CORRELATION_ID, "outer-work"));
        List<ILoggingEvent> handled = from(CommandLogContext.LOGGER);
        assertThat(handled).extracting(e -> e.getMDCPropertyMap().get(CORRELATION_ID))
                .containsExactly(opened.getIdentifier(), refused.getIdentifier());
        assertThat(handled).allSatisfy(e -> {
            assertThat(e.getThreadName()).isEqualTo(Thread.currentThread().getName());
            // no principal on this thread: the register records the system
            assertThat(e.getMDCPropertyMap()).containsEntry(RECORDED_BY, "system").containsEntry(COMMAND_TYPE, "OpenBudgetFrame");
        });
        assertThat(handled.get(1).getLevel()).isEqualTo(Level.INFO);
        assertThat(handled.get(1).getFormattedMessage()).contains(": rejected (rule committee-required) in ");
    }

    private void capture(String name, Level level) {
        Logger logger = (Logger) LoggerFactory.getLogger(name);
        Level before = logger.getLevel();
        boolean additive = logger.isAdditive();
        logger.setLevel(level);
        // kept out of the console: these lines are for the assertions only
        logger.setAdditive(false);
        logger.addAppender(lines);
        restore.add(() -> {
            logger.detachAppender(lines);
            logger.setAdditive(additive);
            logger.setLevel(before);
        });
    }

    private List<ILoggingEvent> from(String logger) {
        // the appender adds under its own lock, from the request's thread
        synchronized (lines) {
            return lines.list.stream().filter(e -> e.getLoggerName().equals(logger)).toList();
        }
    }
}
