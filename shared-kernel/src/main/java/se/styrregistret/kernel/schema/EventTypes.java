package se.styrregistret.kernel.schema;

import se.styrregistret.kernel.actionplan.ActionAdded;
import se.styrregistret.kernel.actionplan.ActionLinkedToBody;
import se.styrregistret.kernel.actionplan.ActionPlanApproved;
import se.styrregistret.kernel.actionplan.ActionProgressReported;
import se.styrregistret.kernel.actionplan.ActionReopened;
import se.styrregistret.kernel.actionplan.ActionRevised;
import se.styrregistret.kernel.actionplan.ActionWithdrawn;
import se.styrregistret.kernel.agreement.AgreementRecorded;
import se.styrregistret.kernel.budget.AllocationDistributed;
import se.styrregistret.kernel.budget.AllocationReversed;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.BudgetFrameExtended;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.budget.FinancingReferred;
import se.styrregistret.kernel.budget.GrantRegistered;
import se.styrregistret.kernel.budget.ReferralSettled;
import se.styrregistret.kernel.correction.EntryCorrected;
import se.styrregistret.kernel.district.DistrictPictureRecorded;
import se.styrregistret.kernel.district.DistrictRegistered;
import se.styrregistret.kernel.district.PriorityDistrictDesignated;
import se.styrregistret.kernel.governance.AreaTeamEstablished;
import se.styrregistret.kernel.governance.EstablishingDecisionRescinded;
import se.styrregistret.kernel.governance.FunctionTransferred;
import se.styrregistret.kernel.governance.GovernanceBodyAmended;
import se.styrregistret.kernel.governance.GovernanceBodyDissolved;
import se.styrregistret.kernel.governance.GovernanceBodyEstablished;
import se.styrregistret.kernel.governance.GovernanceBodyReplaced;
import se.styrregistret.kernel.governance.GovernanceBodySucceeded;
import se.styrregistret.kernel.governance.MemberAppointed;
import se.styrregistret.kernel.governance.MemberRemoved;
import se.styrregistret.kernel.governance.ReportingLineSet;

import java.util.List;

/**
 * Every event type the log may hold, listed by hand rather than found by scanning, so that adding
 * one is a deliberate act: the golden-sample test then asks for its stored sample, and the
 * command-service checks that every event an aggregate appends is listed here. A type stays listed
 * for as long as any log may hold it, that is for good, even when nothing appends it any more.
 */
public final class EventTypes {

    private static final List<Class<? extends Record>> ALL = List.of(
            // governance
            GovernanceBodyEstablished.class,
            GovernanceBodyAmended.class,
            GovernanceBodyDissolved.class,
            GovernanceBodyReplaced.class,
            GovernanceBodySucceeded.class,
            EstablishingDecisionRescinded.class,
            MemberAppointed.class,
            MemberRemoved.class,
            ReportingLineSet.class,
            AreaTeamEstablished.class,
            FunctionTransferred.class,
            // agreement
            AgreementRecorded.class,
            // budget
            BudgetFrameOpened.class,
            BudgetFrameExtended.class,
            BudgetAllocated.class,
            AllocationDistributed.class,
            AllocationReversed.class,
            GrantRegistered.class,
            FinancingReferred.class,
            ReferralSettled.class,
            // action plans
            ActionPlanApproved.class,
            ActionAdded.class,
            ActionRevised.class,
            ActionWithdrawn.class,
            ActionProgressReported.class,
            ActionReopened.class,
            ActionLinkedToBody.class,
            // districts
            DistrictPictureRecorded.class,
            DistrictRegistered.class,
            PriorityDistrictDesignated.class,
            // corrections, on any aggregate
            EntryCorrected.class);

    private EventTypes() {
    }

    public static List<Class<? extends Record>> all() {
        return ALL;
    }
}
