package se.styrregistret.kernel.audit;

import se.styrregistret.kernel.governance.FieldChange;

import java.util.List;

/**
 * The organisation chart at revision {@code from} compared with revision {@code to}, both as the
 * register showed them (the recorded clock).
 *
 * @param revision       the revision the answer reflects
 * @param moneyMoved     budget movements between the revisions: empty until the budget ledger exists
 * @param moneyMovedNote why {@code moneyMoved} is empty
 */
public record RevisionDiff(long revision, long from, long to, List<BodyRef> added, List<BodyRef> ended,
                           List<BodyChange> changed, List<MemberChange> membersIn, List<MemberChange> membersOut,
                           List<Object> moneyMoved, String moneyMovedNote) {

    public record BodyChange(String bodyId, String name, List<FieldChange> changes) {
    }

    public record MemberChange(String bodyId, String bodyName, String role, String holder) {
    }
}
