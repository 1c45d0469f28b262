package se.styrregistret.kernel.budget;

import org.axonframework.serialization.Revision;
import se.styrregistret.kernel.common.DecisionReference;
import se.styrregistret.kernel.common.Text;

import java.time.LocalDate;
import java.util.List;

/** An allocation's recipient passed it on in parts; the parts sum exactly to {@code amountSek}. */
@Revision("1")
public record AllocationDistributed(
        AllocationId allocationId,
        int fiscalYear,
        long amountSek,
        FundingSource source,
        Recipient distributedBy,
        List<AllocationPart> parts,
        LocalDate effectiveDate,
        DecisionReference decision) {

    public AllocationDistributed {
        parts = Text.listOf(parts);
    }
}
