package se.styrregistret.kernel.governance;

/** One field's value before and after a change, as text. */
public record FieldChange(String field, String before, String after) {
}
