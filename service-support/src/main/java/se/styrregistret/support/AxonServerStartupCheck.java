package se.styrregistret.support;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import java.time.Duration;
import java.time.Instant;

/**
 * Under the {@code axonserver} profile a service that cannot reach Axon Server must not come up as
 * if it worked (Axon's connector would keep retrying in the background while every command and
 * every projection waits): the start fails, naming the address, when no Axon Server answers within
 * {@code styrregistret.axonserver.connect-within} (default 30 s).
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
@ConditionalOnBean(AxonServerConnectionManager.class)
public class AxonServerStartupCheck {

    @Bean
    ApplicationRunner axonServerAnswers(AxonServerConnectionManager connections, AxonServerConfiguration configuration,
                                        @Value("${styrregistret.axonserver.connect-within:30s}") Duration within) {
        return new Check(connections, configuration, within);
    }

    /** Runs before every other runner: nothing else can work without the server. */
    static final class Check implements ApplicationRunner, Ordered {

        private static final Logger log = LoggerFactory.getLogger(AxonServerStartupCheck.class);

        private final AxonServerConnectionManager connections;
        private final AxonServerConfiguration configuration;
        private final Duration within;

        Check(AxonServerConnectionManager connections, AxonServerConfiguration configuration, Duration within) {
            this.connections = connections;
            this.configuration = configuration;
            this.within = within;
        }

        @Override
        public void run(ApplicationArguments args) throws InterruptedException {
            String context = connections.getDefaultContext();
            Instant deadline = Instant.now().plus(within);
            while (!connections.isConnected(context)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("No Axon Server answered at " + configuration.getServers()
                            + " (context " + context + ") within " + within.toSeconds() + " s. Start Axon Server there, or set"
                            + " AXON_SERVER=host:port (axon.axonserver.servers) to where it runs.");
                }
                Thread.sleep(100);
            }
            log.info("Connected to Axon Server at {} (context {})", configuration.getServers(), context);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
