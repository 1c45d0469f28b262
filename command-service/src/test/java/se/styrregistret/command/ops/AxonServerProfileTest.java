package se.styrregistret.command.ops;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import se.styrregistret.command.CommandServiceApplication;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code axonserver} profile as Spring Boot reads it from {@code command-service.yml}, bound
 * to Axon's own {@link AxonServerConfiguration}; no Axon Server is contacted.
 */
class AxonServerProfileTest {

    @Test
    void the_axonserver_profile_turns_the_connector_on_with_a_default_address() {
        StandardEnvironment env = load(Map.of(), "axonserver");
        AxonServerConfiguration axon = axonServer(env);
        assertThat(axon.isEnabled()).isTrue();
        assertThat(axon.getServers()).isEqualTo("localhost:8124");
        assertThat(axon.getComponentName()).isEqualTo("command-service");
        assertThat(axon.getToken()).isEmpty();
    }

    @Test
    void the_address_and_token_come_from_the_environment() {
        StandardEnvironment env = load(Map.of("AXON_SERVER", "axonserver:8124", "AXON_SERVER_TOKEN", "s3cret"), "axonserver");
        AxonServerConfiguration axon = axonServer(env);
        assertThat(axon.getServers()).isEqualTo("axonserver:8124");
        assertThat(axon.getToken()).isEqualTo("s3cret");
    }

    @Test
    void the_default_profile_needs_no_axon_server() {
        StandardEnvironment env = load(Map.of());
        assertThat(env.getProperty("axon.axonserver.enabled", Boolean.class)).isFalse();
    }

    @Test
    void under_the_axonserver_profile_the_lookup_tables_stay_in_postgresql_and_the_probes_stay_on() {
        StandardEnvironment env = load(Map.of(), "axonserver");
        assertThat(env.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
        assertThat(env.getProperty("spring.flyway.schemas")).isEqualTo("axon,registry");
        assertThat(env.getProperty("axon.eventhandling.processors.lookups-live.mode")).isEqualTo("subscribing");
        assertThat(env.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,info,prometheus");
        assertThat(env.getProperty("management.endpoint.health.group.readiness.include")).isEqualTo("readinessState,db,lookups");
    }

    @Test
    void each_running_service_connects_with_a_client_id_of_its_own() {
        String first = axonServer(load(Map.of(), "axonserver")).getClientId();
        String second = axonServer(load(Map.of(), "axonserver")).getClientId();
        assertThat(first).startsWith("command-service-").isNotEqualTo(second);
    }

    static StandardEnvironment load(Map<String, Object> environment, String... profiles) {
        StandardEnvironment env = new StandardEnvironment();
        Map<String, Object> given = new HashMap<>(environment);
        given.put("spring.config.name", CommandServiceApplication.CONFIG_NAME);
        env.getPropertySources().addFirst(new MapPropertySource("test", given));
        ConfigDataEnvironmentPostProcessor.applyTo(env, null, null, profiles);
        RandomValuePropertySource.addToEnvironment(env);
        return env;
    }

    static AxonServerConfiguration axonServer(StandardEnvironment env) {
        return Binder.get(env).bind("axon.axonserver", AxonServerConfiguration.class).get();
    }
}
