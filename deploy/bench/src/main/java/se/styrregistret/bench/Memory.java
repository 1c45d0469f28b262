package se.styrregistret.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Phase: what each running service holds at the end of the run (heap from its own metrics, RSS from the kernel). */
final class Memory {

    /** Bytes, -1 when unknown. */
    @JsonPropertyOrder({"heapUsedBytes", "rssBytes"})
    record Usage(long heapUsedBytes, long rssBytes) {
        static Usage of(ServiceProcess service) {
            return new Usage(service.heapUsedBytes(), service.rssBytes());
        }
    }

    @JsonPropertyOrder({"command-service", "query-service"})
    record Result(@JsonProperty("command-service") Usage commandService, @JsonProperty("query-service") Usage queryService) {
    }

    private Memory() {
    }

    static Result measure(Services services) {
        return new Result(Usage.of(services.command()), Usage.of(services.query()));
    }
}
