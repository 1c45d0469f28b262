package se.styrregistret.command.common;

/** The answer to an accepted command: the id of what it created or changed. */
public record CommandAccepted(String id) {
}
