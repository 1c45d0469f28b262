package se.styrregistret.command.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an accepted command: the id of what it created or changed, and the revision of
 * the log once its events were recorded (for an action of a plan, also the action's id) (the head right after the commit: its own events are at or
 * below it). Send that revision as {@code minRevision} to a query and the answer includes the change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandAccepted(String id, String actionId, Long revision) {

    public CommandAccepted(String id) {
        this(id, null, null);
    }

    /** An accepted command about one action of a plan: the plan's id (its aggregate, for the ETag) and the action's. */
    public static CommandAccepted action(String planId, String actionId) {
        return new CommandAccepted(planId, actionId, null);
    }

    public CommandAccepted withRevision(long revision) {
        return new CommandAccepted(id, actionId, revision);
    }
}
