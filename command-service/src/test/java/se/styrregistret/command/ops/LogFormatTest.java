package se.styrregistret.command.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import se.styrregistret.command.CommandServiceApplication;
import se.styrregistret.kernel.budget.BudgetFrameId;
import se.styrregistret.kernel.budget.OpenBudgetFrame;
import se.styrregistret.kernel.common.DecisionReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

/**
 * The two log formats as {@code command-service.yml} configures them: plain lines by default, with
 * the command's id in brackets, and ECS JSON with every MDC key as a field once
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} is set. Each test logs through a logger context of
 * its own (Spring Boot's encoders, Logback's appender), not through the running one.
 */
class LogFormatTest {

    static final LocalDate DAY = LocalDate.of(2021, 3, 1);

    @Test
    void with_the_switch_a_line_logged_while_a_command_is_handled_is_json_carrying_its_correlation_id() {
        // given the service's configuration with the switch, as compose and Kubernetes set it
        StandardEnvironment environment = environment(Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(environment.getProperty("logging.structured.format.console"));
        encoder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Logger logger = logger(context, encoder, out);
        CommandMessage<?> command = openFrame().andMetaData(Map.of(CommandLogContext.RECORDED_BY, "registrar"));

        // when
        handle(command, () -> logger.info("balance checked"));

        // then
        List<String> written = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(written).hasSize(1);
        JsonNode line = JsonMapper.shared().readTree(written.get(0));
        assertThat(line.path("message").asString()).isEqualTo("balance checked");
        assertThat(line.path("correlationId").asString()).isEqualTo(command.getIdentifier());
        assertThat(line.path("traceId").asString()).isEqualTo(command.getIdentifier());
        assertThat(line.path("commandType").asString()).isEqualTo("OpenBudgetFrame");
        assertThat(line.path("recordedBy").asString()).isEqualTo("registrar");
        assertThat(line.path("service").path("name").asString()).isEqualTo("command-service");
        assertThat(line.path("ecs").path("version").isMissingNode()).isFalse();
    }

    @Test
    void by_default_lines_are_plain_and_show_the_command_s_id_only_while_it_is_handled() {
        // given the service's configuration as it ships
        StandardEnvironment environment = environment(Map.of());
        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
        LoggerContext context = new LoggerContext();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        // the default pattern's tail, where Spring Boot puts the correlation pattern
        encoder.setPattern("[%t] " + environment.getProperty("logging.pattern.correlation") + "%logger : %m%n");
        encoder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Logger logger = logger(context, encoder, out);
        CommandMessage<?> command = openFrame();

        // when
        logger.info("before");
        handle(command, () -> logger.info("during"));
        logger.info("after");

        // then
        String thread = Thread.currentThread().getName();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "[" + thread + "] test : before",
                "[" + thread + "] [" + command.getIdentifier() + "] test : during",
                "[" + thread + "] test : after");
    }

    /** Handles the command on this thread, through Axon's own bus with the interceptor of the service. */
    private static void handle(CommandMessage<?> command, Runnable handler) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new CommandLogContext.IdsInLogs());
        bus.subscribe(command.getCommandName(), message -> {
            handler.run();
            return null;
        });
        bus.dispatch(command);
    }

    private static CommandMessage<?> openFrame() {
        return asCommandMessage(new OpenBudgetFrame(BudgetFrameId.random(), "Kommunstyrelsen", 2021, 0, null, DAY,
                new DecisionReference(null, null, DAY, "Kommunstyrelsen")));
    }

    private static Logger logger(LoggerContext context, Encoder<ILoggingEvent> encoder, ByteArrayOutputStream out) {
        // the MDC the interceptor writes to, which SLF4J hands out
        context.setMDCAdapter(MDC.getMDCAdapter());
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        Logger logger = context.getLogger("test");
        logger.addAppender(appender);
        return logger;
    }

    /** The environment Spring Boot builds from command-service.yml, with {@code variables} as the process environment. */
    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        // this machine's own variables stay out: the test says which are set
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("variables", variables));
        environment.getPropertySources().addFirst(new MapPropertySource("name",
                Map.of("spring.config.name", CommandServiceApplication.CONFIG_NAME)));
        ConfigDataEnvironmentPostProcessor.applyTo(environment, null, null);
        return environment;
    }
}
