package se.styrregistret.deployment;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import se.styrregistret.command.CommandServiceApplication;
import se.styrregistret.query.QueryServiceApplication;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code axonserver} profile as Spring Boot reads it for each service (its own file, which
 * imports service-support's {@code styrregistret-common.yml}), bound to Axon's own
 * {@link AxonServerConfiguration}; no Axon Server is contacted.
 */
class AxonServerProfileTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CommandServiceApplication.CONFIG_NAME, QueryServiceApplication.CONFIG_NAME})
    void the_axonserver_profile_turns_the_connector_on_with_a_default_address(String service) {
        AxonServerConfiguration axon = axonServer(load(service, Map.of(), "axonserver"));

        assertThat(axon.isEnabled()).isTrue();
        assertThat(axon.getServers()).isEqualTo("localhost:8124");
        assertThat(axon.getComponentName()).isEqualTo(service);
        assertThat(axon.getToken()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CommandServiceApplication.CONFIG_NAME, QueryServiceApplication.CONFIG_NAME})
    void the_address_and_token_come_from_the_environment(String service) {
        AxonServerConfiguration axon = axonServer(load(service, Map.of("AXON_SERVER", "axonserver:8124", "AXON_SERVER_TOKEN", "s3cret"), "axonserver"));

        assertThat(axon.getServers()).isEqualTo("axonserver:8124");
        assertThat(axon.getToken()).isEqualTo("s3cret");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CommandServiceApplication.CONFIG_NAME, QueryServiceApplication.CONFIG_NAME})
    void the_default_profile_needs_no_axon_server(String service) {
        assertThat(load(service, Map.of()).getProperty("axon.axonserver.enabled", Boolean.class)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {CommandServiceApplication.CONFIG_NAME, QueryServiceApplication.CONFIG_NAME})
    void each_running_service_connects_with_a_client_id_of_its_own(String service) {
        String first = axonServer(load(service, Map.of(), "axonserver")).getClientId();
        String second = axonServer(load(service, Map.of(), "axonserver")).getClientId();

        assertThat(first).startsWith(service + "-").isNotEqualTo(second);
    }

    @Test
    void under_the_axonserver_profile_the_command_sides_lookup_tables_stay_in_postgresql_and_the_probes_stay_on() {
        StandardEnvironment env = load(CommandServiceApplication.CONFIG_NAME, Map.of(), "axonserver");

        assertThat(env.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
        assertThat(env.getProperty("spring.flyway.schemas")).isEqualTo("axon,registry");
        assertThat(env.getProperty("axon.eventhandling.processors.lookups-live.mode")).isEqualTo("subscribing");
        assertThat(env.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,info,prometheus");
        assertThat(env.getProperty("management.endpoint.health.group.readiness.include")).isEqualTo("readinessState,db,lookups");
    }

    @Test
    void under_the_axonserver_profile_projections_and_tokens_stay_in_postgresql_and_the_probes_stay_on() {
        StandardEnvironment env = load(QueryServiceApplication.CONFIG_NAME, Map.of(), "axonserver");

        assertThat(env.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
        assertThat(env.getProperty("spring.flyway.schemas")).isEqualTo("projection");
        for (String processor : List.of("orgchart", "actionplans", "districts", "ledger", "agreements", "audit", "audit-log")) {
            assertThat(env.getProperty("axon.eventhandling.processors." + processor + ".mode")).as(processor).isEqualTo("pooled");
            assertThat(env.getProperty("axon.eventhandling.processors." + processor + ".initial-segment-count")).isEqualTo("1");
        }
        assertThat(env.getProperty("axon.eventhandling.processors.audit.dlq.enabled")).isEqualTo("true");
        assertThat(env.getProperty("axon.eventhandling.processors.audit-log.dlq.enabled")).isNull();
        assertThat(env.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,info,prometheus");
        assertThat(env.getProperty("management.endpoint.health.group.readiness.include")).isEqualTo("readinessState,db,eventProcessors");
    }

    /** The environment Spring Boot builds for {@code service} from its configuration files, with {@code variables} as the process environment. */
    static StandardEnvironment load(String service, Map<String, Object> variables, String... profiles) {
        StandardEnvironment env = new StandardEnvironment();
        Map<String, Object> given = new HashMap<>(variables);
        given.put("spring.config.name", service);
        env.getPropertySources().addFirst(new MapPropertySource("test", given));
        ConfigDataEnvironmentPostProcessor.applyTo(env, null, null, profiles);
        RandomValuePropertySource.addToEnvironment(env);
        return env;
    }

    static AxonServerConfiguration axonServer(StandardEnvironment env) {
        return Binder.get(env).bind("axon.axonserver", AxonServerConfiguration.class).get();
    }
}
