package se.styrregistret.kernel.audit;

/** A body by id, with its name when the register knows it. */
public record BodyRef(String id, String name) {
}
