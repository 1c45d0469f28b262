package se.styrregistret.command.budget;

import se.styrregistret.command.governance.BodyLookup;
import se.styrregistret.command.governance.InMemoryBodyLookup;
import se.styrregistret.kernel.budget.AllocationId;
import se.styrregistret.kernel.budget.BudgetFrameId;
import se.styrregistret.kernel.budget.GrantId;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.budget.RecipientKind;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.governance.GovernanceBodyId;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The figures of the sources, and in-memory lookups for aggregate tests. */
final class BudgetFixtures {

    static final DecisionReference KS_2021_03 = new DecisionReference(null, null, LocalDate.of(2021, 3, 1), "Kommunstyrelsen");
    static final DecisionReference KS_2021_08 = new DecisionReference(null, null, LocalDate.of(2021, 8, 17), "Kommunstyrelsen");
    static final LocalDate EFFECTIVE = LocalDate.of(2021, 3, 1);

    static final BudgetFrameId KS_FRAME = BudgetFrameId.of("ks-2021");
    static final GrantId DMS_GRANT = GrantId.of("dms-2021");
    static final AllocationId ALLOCATION = AllocationId.of("allocation-1");

    static final GovernanceBodyId BERGA = GovernanceBodyId.of("omradesteam-berga");
    static final GovernanceBodyId RYD = GovernanceBodyId.of("omradesteam-ryd");
    static final GovernanceBodyId SKAGGETORP = GovernanceBodyId.of("omradesteam-skaggetorp");
    static final GovernanceBodyId LIBRA = GovernanceBodyId.of("libra");

    static final Recipient SON = Recipient.committee("Social- och omsorgsnämnden");

    private BudgetFixtures() {
    }

    static Recipient areaTeam(GovernanceBodyId id, String district) {
        return new Recipient(RecipientKind.AREA_TEAM, id, "Områdesteam " + district, district);
    }

    static final LocalDate LIBRA_ENDED = LocalDate.of(2020, 1, 20);

    /** Berga, Ryd and Skäggetorp are active; LiBrå was organised in 2007 and replaced on 2020-01-20. */
    static BodyLookup bodies() {
        return new InMemoryBodyLookup().active(BERGA.value()).active(RYD.value()).active(SKAGGETORP.value())
                .active(LIBRA.value(), LocalDate.of(2007, 5, 29), LIBRA_ENDED);
    }

    static final class Balances implements SourceBalances {
        final Map<String, Balance> balances = new HashMap<>();

        Balances with(String sourceId, int year, long total, long allocated) {
            balances.put(sourceId, new Balance(year, total, allocated));
            return this;
        }

        @Override
        public Optional<Balance> balanceOf(String sourceId) {
            return Optional.ofNullable(balances.get(sourceId));
        }
    }
}
