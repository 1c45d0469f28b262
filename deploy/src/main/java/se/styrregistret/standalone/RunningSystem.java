package se.styrregistret.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;

/** Both services and (maybe) their embedded database; closing stops them in reverse order. */
public final class RunningSystem implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final ConfigurableApplicationContext command;
    private final ConfigurableApplicationContext query;
    private final String jdbcUrl;

    RunningSystem(EmbeddedPostgres postgres, ConfigurableApplicationContext command, ConfigurableApplicationContext query,
                  String jdbcUrl) {
        this.postgres = postgres;
        this.command = command;
        this.query = query;
        this.jdbcUrl = jdbcUrl;
    }

    public String commandUrl() {
        return "http://localhost:" + port(command);
    }

    public String queryUrl() {
        return "http://localhost:" + port(query);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public DataSource dataSource() {
        return command.getBean(DataSource.class);
    }

    public ConfigurableApplicationContext commandContext() {
        return command;
    }

    public ConfigurableApplicationContext queryContext() {
        return query;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public synchronized void close() {
        // reverse start order: readers first, then the writer, then the database under both
        if (query.isActive()) query.close();
        if (command.isActive()) command.close();
        Standalone.closeQuietly(postgres);
    }
}
