package se.styrregistret.query.audit;

import se.styrregistret.kernel.governance.FieldChange;

import java.util.List;

/**
 * The organisation chart at revision {@code from} compared with revision {@code to}, both as the
 * register showed them (the recorded clock).
 *
 * @param revision       the revision the answer reflects
 * @param moneyMoved     the budget ledger's movements recorded after {@code from} up to {@code to}
 * @param lateOrCorrected the entries recorded in between that came late or correct another, and the earlier
 *                        entries corrected or annulled in between, each with its note ("registrerad …, gällande
 *                        från …", "rättad i ändring nr …")
 */
public record RevisionDiff(long revision, long from, long to, List<BodyRef> added, List<BodyRef> ended,
                           List<BodyChange> changed, List<MemberChange> membersIn, List<MemberChange> membersOut,
                           List<MoneyMovement> moneyMoved, List<Timeline.Entry> lateOrCorrected) {

    /** One ledger movement: what kind, how much, from where to whom, on which decision. */
    public record MoneyMovement(long revision, String entryType, String entryTypeLabel, int fiscalYear, long amountSek,
                                String source, String recipient, String district, String purpose, String caseNumber) {
    }

    /**
     * @param changes         field names and stored values, for machines
     * @param labelledChanges the same in Swedish: field labels, statuses ("aktivt → ersatt"), bodies by name, lists as text
     */
    public record BodyChange(String bodyId, String name, List<FieldChange> changes,
                             List<se.styrregistret.query.wording.EventWording.Change> labelledChanges) {
    }

    public record MemberChange(String bodyId, String bodyName, String role, String holder) {
    }
}
