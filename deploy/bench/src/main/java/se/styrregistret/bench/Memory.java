package se.styrregistret.bench;

import se.styrregistret.bench.BenchReport.Check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Phase: what each running service holds at the end of the run (heap from its own metrics, RSS from the kernel). */
final class Memory {

    /** Bytes, -1 when unknown; the peak is the largest heap in use sampled over the whole run. */
    @JsonPropertyOrder({"heapUsedBytes", "rssBytes", "peakHeapUsedBytes"})
    record Usage(long heapUsedBytes, long rssBytes, long peakHeapUsedBytes) {
        static Usage of(ServiceProcess service, long peak) {
            return new Usage(service.heapUsedBytes(), service.rssBytes(), peak);
        }
    }

    /**
     * {@code outOfMemory}: the service logs of the run (every instance, every restart) that show an
     * {@code OutOfMemoryError}, by file name. A service that ran out of heap never reports it as its peak: the
     * sampler reads the heap from the service, which cannot answer then.
     */
    @JsonPropertyOrder({"command-service", "query-service", "outOfMemory"})
    record Result(@JsonProperty("command-service") Usage commandService, @JsonProperty("query-service") Usage queryService,
                  List<String> outOfMemory) {

        Result {
            outOfMemory = outOfMemory == null ? List.of() : List.copyOf(outOfMemory);
        }

        /** The memory target as a check: no service ran out of heap, and both answered for their heap at the end. */
        Check check() {
            boolean answered = commandService.heapUsedBytes() >= 0 && queryService.heapUsedBytes() >= 0;
            return new Check("no service ran out of heap, and each answered for its heap at the end of the run",
                    outOfMemory.isEmpty() && answered,
                    (outOfMemory.isEmpty() ? "no OutOfMemoryError in the service logs" : "OutOfMemoryError in " + outOfMemory)
                            + (answered ? "" : "; a service did not answer for its heap at the end"));
        }
    }

    private Memory() {
    }

    static Result measure(Services services) {
        return new Result(Usage.of(services.command(), services.peakHeapBytes("command-service")),
                Usage.of(services.query(), services.peakHeapBytes("query-service")), outOfMemoryIn(services.logs()));
    }

    /** The service logs in {@code logs} that mention an OutOfMemoryError. */
    static List<String> outOfMemoryIn(Path logs) {
        if (!Files.isDirectory(logs)) return List.of();
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log")).filter(Memory::mentionsOutOfMemory)
                    .map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + logs, e);
        }
    }

    private static boolean mentionsOutOfMemory(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) { // any bytes: a log is not always UTF-8
            return lines.anyMatch(l -> l.contains("java.lang.OutOfMemoryError"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + log, e);
        }
    }
}
