package se.styrregistret.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one run found, phase by phase in the order they ran; {@link Report} writes it as Markdown and
 * as JSON. A phase that did not run (another mode, or the run failed before it) is null. The JSON
 * keeps the field names of the reports written before the phases had types of their own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mode", "startedAt", "environment", "checks", "smallLog", "faultKillQueryService", "commandPath", "rawLimit",
        "faultKillCommandService", "scaleOutLog", "largeLog", "catchUp1", "asOf", "scaleOut", "faultDatabaseRestart", "memory", "seconds"})
record BenchReport(
        String mode,
        @JsonIgnore boolean quick,
        @JsonIgnore LocalDate date,
        String startedAt,
        Environment environment,
        LogGeneration.Result smallLog,
        Faults.QueryServiceKill faultKillQueryService,
        CommandPath.Result commandPath,
        /* "rawInsert" and "commandTimers" */
        @JsonUnwrapped RawLimit.Result rawLimit,
        Faults.CommandServiceKill faultKillCommandService,
        /* the log the scale-out catch-ups ran on, when they ran before it grew to its full length */
        LogGeneration.Result scaleOutLog,
        LogGeneration.Result largeLog,
        CatchUp.Result catchUp1,
        AsOfLatency.Result asOf,
        /* the catch-ups that compare segments and instances: on a log of their own, starting with its one-segment
           baseline, or after the first catch-up on the full log, against it */
        List<CatchUp.Result> scaleOut,
        Faults.DatabaseRestart faultDatabaseRestart,
        Memory.Result memory,
        /* the exception that ended the run early, as a failed check */
        @JsonIgnore Check failure,
        double seconds) {

    /** A correctness check: a failed one fails the run. */
    @JsonPropertyOrder({"check", "passed", "detail"})
    record Check(@JsonProperty("check") String what, boolean passed, String detail) {

        /** "what: detail", as the run prints a failure. */
        String failure() {
            return what + (detail == null ? "" : ": " + detail);
        }
    }

    /** A target, reported next to its figure and never asserted. */
    record Target(String goal, boolean met) {
        String verdict() {
            return met ? "met" : "missed";
        }
    }

    /** The machine, the JVM and the database the figures were measured on. */
    @JsonPropertyOrder({"cpus", "java", "os", "database", "databaseSettings", "serviceHeap", "axonServer"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Environment(int cpus, String java, String os, String database, Map<String, String> databaseSettings,
                       String serviceHeap, String axonServer) {

        static Environment of(BenchDatabase db, Settings settings) {
            return new Environment(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    db.describe(), db.settings(), settings.heap(), settings.axonServer());
        }
    }

    /** Every check in the order the run made them (which is also the order the Markdown lists them in). */
    @JsonProperty("checks")
    List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        if (asOf != null && asOf.small() != null) checks.addAll(List.of(asOf.small().check(), asOf.small().contentCheck()));
        if (faultKillQueryService != null) checks.addAll(faultKillQueryService.checks());
        if (commandPath != null) checks.addAll(commandPath.checks());
        if (rawLimit != null) checks.addAll(rawLimit.checks());
        if (faultKillCommandService != null) checks.addAll(faultKillCommandService.checks());
        if (scaleOutOnItsOwnLog()) scaleOut.forEach(c -> checks.addAll(c.checks()));
        if (catchUp1 != null) checks.addAll(catchUp1.checks());
        if (asOf != null && asOf.large() != null) checks.addAll(List.of(asOf.large().check(), asOf.large().contentCheck()));
        if (scaleOut != null && !scaleOutOnItsOwnLog()) scaleOut.forEach(c -> checks.addAll(c.checks()));
        if (faultDatabaseRestart != null) checks.addAll(faultDatabaseRestart.checks());
        if (memory != null) checks.add(memory.check());
        Stream.ofNullable(failure).forEach(checks::add);
        return checks;
    }

    /**
     * Whether the scale-out catch-ups ran on a shorter log before the full one (their list then starts with its own
     * one-instance, one-segment baseline); else they ran after the first catch-up on the full log.
     */
    @JsonIgnore
    boolean scaleOutOnItsOwnLog() {
        return scaleOut != null && !scaleOut.isEmpty() && scaleOut.get(0).instances() == 1 && scaleOut.get(0).segments() == 1;
    }

    /** The failed checks, as "what: detail"; empty when the run passed. */
    List<String> failures() {
        return checks().stream().filter(c -> !c.passed()).map(Check::failure).toList();
    }
}
