package se.styrregistret.command.ops;

import org.junit.jupiter.api.Test;
import se.styrregistret.command.CommandServiceApplication;
import se.styrregistret.command.support.TestPostgres;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code axonserver} profile when no Axon Server answers: the service must not come up as if it
 * worked. A socket that accepts connections but never speaks gRPC stands in for a wrong address.
 * (Against a real Axon Server the end-to-end suite runs in this profile: see AxonServerMode in deploy.)
 */
class AxonServerConnectionTest {

    @Test
    void without_an_axon_server_at_the_configured_address_the_start_fails_within_the_bound_and_names_it() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            String address = "localhost:" + silent.getLocalPort();

            assertThatThrownBy(() -> CommandServiceApplication.builder()
                    .profiles("axonserver")
                    .run("--server.port=0", "--spring.datasource.url=" + TestPostgres.jdbcUrl(),
                            "--spring.datasource.username=postgres",
                            "--axon.axonserver.servers=" + address,
                            "--styrregistret.axonserver.connect-within=3s"))
                    .hasStackTraceContaining("No Axon Server answered at " + address);
        }
    }
}
