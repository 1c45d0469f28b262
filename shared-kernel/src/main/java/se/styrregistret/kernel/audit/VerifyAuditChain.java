package se.styrregistret.kernel.audit;

/** Recompute the hash chain from the stored events and compare it with the one kept when they were read. */
public record VerifyAuditChain() {
}
