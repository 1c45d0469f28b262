package se.styrregistret.command.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;

/** One real, embedded PostgreSQL (same major version as production) per test JVM. */
public final class TestPostgres {

    private static EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // the JVM ends with the test run; zonky's own hook stops the server then
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
