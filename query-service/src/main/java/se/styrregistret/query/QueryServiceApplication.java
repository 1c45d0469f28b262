package se.styrregistret.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.styrregistret.support.UsageReporting;

/** The read side. Its configuration file is {@code query-service.yml}, so it can share a JVM with the command-service. */
@SpringBootApplication
public class QueryServiceApplication {

    public static final String CONFIG_NAME = "query-service";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return builder().run(args);
    }

    /** A builder that reads this service's own configuration file (and sends no usage data to Axon's vendor). */
    public static SpringApplicationBuilder builder() {
        UsageReporting.offUnlessOperatorDecided();
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
