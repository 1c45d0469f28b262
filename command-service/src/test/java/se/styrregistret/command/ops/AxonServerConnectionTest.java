package se.styrregistret.command.ops;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import se.styrregistret.command.CommandServiceApplication;
import se.styrregistret.command.support.TestPostgres;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code axonserver} profile for real, as far as this machine allows: no Axon Server can run
 * here, so a plain socket stands in for one at the configured address. The service must start
 * and its connector must dial that address and open a gRPC (HTTP/2) connection to it. What Axon
 * Server would answer is Axon's contract, not ours; the address, the profile and the start are ours.
 */
class AxonServerConnectionTest {

    /** Every HTTP/2 client (gRPC included) opens a connection with these 24 bytes. */
    private static final String HTTP2_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

    @Test
    void with_the_axonserver_profile_the_service_starts_and_dials_the_configured_axon_server() throws Exception {
        try (ServerSocket axonServer = new ServerSocket(0)) {
            axonServer.setSoTimeout(60_000);

            // when the command-service starts in the axonserver profile, pointed at the stand-in
            ConfigurableApplicationContext service = CommandServiceApplication.builder()
                    .profiles("axonserver")
                    .run("--server.port=0", "--spring.datasource.url=" + TestPostgres.jdbcUrl(),
                            "--spring.datasource.username=postgres",
                            "--axon.axonserver.servers=localhost:" + axonServer.getLocalPort());
            try {
                // then it is up, and its connector opened an HTTP/2 connection to that address
                assertThat(service.isActive()).isTrue();
                try (Socket connection = axonServer.accept(); InputStream in = connection.getInputStream()) {
                    String preface = new String(in.readNBytes(HTTP2_PREFACE.length()), StandardCharsets.US_ASCII);
                    assertThat(preface).isEqualTo(HTTP2_PREFACE);
                }
            } finally {
                service.close();
            }
        }
    }
}
