package se.styrregistret.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettingsTest {

    private static final String[] JARS = {"--command-jar=c.jar", "--query-jar=q.jar"};

    @Test
    void a_full_run_by_default() {
        Settings s = Settings.parse(JARS);

        assertThat(s.quick()).isFalse();
        assertThat(s.mode()).isEqualTo("full");
        assertThat(s.events()).isEqualTo(1_000_000);
        assertThat(s.smallEvents()).isEqualTo(10_000);
        assertThat(s.scaleOutEvents()).isEqualTo(50_000);
        assertThat(s.scaleOutOnItsOwnLog()).isTrue();
        assertThat(s.seconds()).isEqualTo(20);
        assertThat(s.clients()).containsExactly(1, 8, 32);
        assertThat(s.queries()).isEqualTo(100);
        assertThat(s.heap()).isEqualTo("512m");
        assertThat(s.jdbcUrl()).isNull();
        assertThat(s.commandJar()).isEqualTo(Path.of("c.jar"));
        assertThat(s.queryJar()).isEqualTo(Path.of("q.jar"));
        assertThat(s.catchUpOnly()).isFalse();
    }

    @Test
    void the_quick_run_is_small_and_options_override_it() {
        Settings quick = Settings.parse("--quick", JARS[0], JARS[1]);
        Settings tuned = Settings.parse("--quick", "--events=20000", "--clients=2,4", "--seconds=1.5", "--out=/tmp/b",
                "--jdbc-url=jdbc:postgresql://h/p", JARS[0], JARS[1]);

        assertThat(quick.mode()).isEqualTo("quick");
        assertThat(List.of(quick.events(), quick.smallEvents(), (long) quick.queries())).containsExactly(20_000L, 10_000L, 40L);
        assertThat(quick.scaleOutEvents()).isEqualTo(15_000);
        assertThat(quick.seconds()).isEqualTo(2);
        assertThat(quick.clients()).containsExactly(1, 8);
        assertThat(tuned.events()).isEqualTo(20_000);
        assertThat(Settings.parse("--events=100000", "--scale-out-events=100000", JARS[0], JARS[1]).scaleOutOnItsOwnLog())
                .as("scale-out on the full log when it is not shorter").isFalse();
        assertThat(tuned.clients()).containsExactly(2, 4);
        assertThat(tuned.seconds()).isEqualTo(1.5);
        assertThat(tuned.out()).isEqualTo(Path.of("/tmp/b"));
        assertThat(tuned.jdbcUrl()).isEqualTo("jdbc:postgresql://h/p");
    }

    @Test
    void only_catch_up() {
        Settings s = Settings.parse("--only=catch-up", JARS[0], JARS[1]);

        assertThat(s.catchUpOnly()).isTrue();
        assertThat(s.mode()).isEqualTo("catch-up only");
    }

    @Test
    void only_the_national_shape() {
        Settings s = Settings.parse("--only=national", "--events=300000", JARS[0], JARS[1]);

        assertThat(s.nationalOnly()).isTrue();
        assertThat(s.events()).isEqualTo(300_000);
        assertThat(s.mode()).isEqualTo("national only");
    }

    @Test
    void only_the_command_path() {
        Settings s = Settings.parse("--only=command-path", JARS[0], JARS[1]);

        assertThat(s.commandPathOnly()).isTrue();
        assertThat(s.catchUpOnly()).isFalse();
        assertThat(s.mode()).isEqualTo("command-path only");
    }

    @Test
    void the_command_path_on_axon_server_and_nothing_else_there() {
        Settings s = Settings.parse("--only=command-path", "--axon-server=localhost:8124", JARS[0], JARS[1]);

        assertThat(s.axonServer()).isEqualTo("localhost:8124");
        assertThat(s.mode()).isEqualTo("command-path only on Axon Server");
        assertThat(Settings.parse("--only=command-path", JARS[0], JARS[1]).axonServer()).isNull();
        // the other parts write and read the log in PostgreSQL by SQL: on Axon Server they would measure nothing
        assertThatIllegalArgumentException().isThrownBy(() -> Settings.parse("--axon-server=localhost:8124", JARS[0], JARS[1]))
                .withMessage("--axon-server measures the command path only: add --only=command-path");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Settings.parse("--only=catch-up", "--axon-server=localhost:8124", JARS[0], JARS[1]))
                .withMessage("--axon-server measures the command path only: add --only=command-path");
    }

    @Test
    void unknown_arguments_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Settings.parse("--evnts=5", JARS[0], JARS[1]))
                .withMessageStartingWith("unknown option --evnts");
        assertThatIllegalArgumentException().isThrownBy(() -> Settings.parse("quick", JARS[0], JARS[1]))
                .withMessage("unknown argument quick");
        assertThatIllegalArgumentException().isThrownBy(() -> Settings.parse("--only=as-of", JARS[0], JARS[1]))
                .withMessage("--only knows three parts: catch-up, command-path, national");
    }
}
