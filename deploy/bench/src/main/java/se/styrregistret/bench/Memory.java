package se.styrregistret.bench;

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

    @JsonPropertyOrder({"command-service", "query-service"})
    record Result(@JsonProperty("command-service") Usage commandService, @JsonProperty("query-service") Usage queryService) {
    }

    private Memory() {
    }

    static Result measure(Services services) {
        return new Result(Usage.of(services.command(), services.peakHeapBytes("command-service")),
                Usage.of(services.query(), services.peakHeapBytes("query-service")));
    }
}
