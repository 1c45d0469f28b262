package se.styrregistret.kernel.common;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void a_refused_or_lost_connection_anywhere_in_the_chain_means_unavailable() {
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("wrapped",
                new RuntimeException(new SQLException("Connection refused", "08001"))))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(
                new SQLTransientConnectionException("query-pool - Connection is not available, request timed out after 3000ms"))))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void a_broken_rule_or_a_bug_is_not_unavailability() {
        assertThat(DatabaseUnavailable.isCause(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("no database involved"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(null)).isFalse();
    }
}
