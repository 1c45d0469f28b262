package se.styrregistret.query.audit;

/** A body by id, with its name when the register knows it. */
public record BodyRef(String id, String name) {
}
