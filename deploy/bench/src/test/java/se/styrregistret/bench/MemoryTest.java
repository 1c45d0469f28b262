package se.styrregistret.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The memory check fails a run in which a service ran out of heap, whatever peak the sampler saw. */
class MemoryTest {

    private static final Memory.Usage ANSWERED = new Memory.Usage(100L << 20, 500L << 20, 200L << 20);

    @Test
    void a_service_log_with_an_out_of_memory_error_fails_the_check(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("command-service-1.log"), """
                INFO committed in 62 ms
                Exception in thread "EmbeddedEventStore-0" java.lang.OutOfMemoryError: Java heap space
                """);
        Files.writeString(logs.resolve("query-service-1.log"), "INFO started\n");

        List<String> outOfMemory = Memory.outOfMemoryIn(logs);
        BenchReport.Check check = new Memory.Result(ANSWERED, ANSWERED, outOfMemory).check();

        assertThat(outOfMemory).containsExactly("command-service-1.log");
        assertThat(check.passed()).isFalse();
        assertThat(check.detail()).contains("OutOfMemoryError in [command-service-1.log]");
    }

    @Test
    void a_service_that_cannot_answer_for_its_heap_at_the_end_fails_the_check(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("command-service-1.log"), "INFO started\n");
        Memory.Usage silent = new Memory.Usage(-1, 500L << 20, 509L << 20);

        BenchReport.Check check = new Memory.Result(silent, ANSWERED, Memory.outOfMemoryIn(logs)).check();

        assertThat(check.passed()).isFalse();
        assertThat(check.detail()).contains("did not answer for its heap");
    }

    @Test
    void clean_logs_and_answered_heaps_pass(@TempDir Path logs) throws Exception {
        Files.writeString(logs.resolve("command-service-1.log"), "INFO started\n");

        assertThat(new Memory.Result(ANSWERED, ANSWERED, Memory.outOfMemoryIn(logs)).check().passed()).isTrue();
    }
}
