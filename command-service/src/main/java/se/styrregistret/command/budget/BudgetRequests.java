package se.styrregistret.command.budget;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import se.styrregistret.kernel.budget.AllocateBudget;
import se.styrregistret.kernel.budget.AllocationId;
import se.styrregistret.kernel.budget.AllocationPart;
import se.styrregistret.kernel.budget.BudgetFrameId;
import se.styrregistret.kernel.budget.DistributeAllocation;
import se.styrregistret.kernel.budget.ExtendBudgetFrame;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.GrantId;
import se.styrregistret.kernel.budget.OpenBudgetFrame;
import se.styrregistret.kernel.budget.Recipient;
import se.styrregistret.kernel.budget.ReferFinancing;
import se.styrregistret.kernel.budget.ReferralId;
import se.styrregistret.kernel.budget.RegisterGrant;
import se.styrregistret.kernel.budget.ReverseAllocation;
import se.styrregistret.kernel.budget.SettleReferral;
import se.styrregistret.kernel.common.DecisionReference;

import java.time.LocalDate;
import java.util.List;

/**
 * The HTTP bodies of the budget commands; the server assigns ids. Amounts are whole kronor
 * (integers, {@code amountSek}); boxed types so a missing amount is a 400, not a silent 0.
 */
final class BudgetRequests {

    static final long MAX = BudgetRules.MAX_AMOUNT_SEK;

    private BudgetRequests() {
    }

    record OpenFrame(
            @NotBlank @Size(max = 300) @Schema(example = "Kommunstyrelsen") String committee,
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2021") Integer fiscalYear,
            @NotNull @PositiveOrZero @Max(MAX) @Schema(description = "hela kronor; 0 när bara senare utökningar är kända") Long amountSek,
            @Size(max = 300) String financedFrom,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {

        OpenBudgetFrame toCommand(BudgetFrameId id) {
            return new OpenBudgetFrame(id, committee, fiscalYear, amountSek, financedFrom, effectiveDate, decision);
        }
    }

    record ExtendFrame(
            @NotNull @Positive @Max(MAX) @Schema(example = "3000000") Long amountSek,
            @NotBlank @Size(max = 300) @Schema(example = "KS resursfond 2021") String financedFrom,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {

        ExtendBudgetFrame toCommand(BudgetFrameId id) {
            return new ExtendBudgetFrame(id, amountSek, financedFrom, effectiveDate, decision);
        }
    }

    record Allocate(
            @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
            @NotNull @Positive @Max(MAX) @Schema(example = "2520000") Long amountSek,
            @NotNull @Valid FundingSource source,
            @NotNull @Valid Recipient recipient,
            @Size(max = 1000) String purpose,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {

        AllocateBudget toCommand(AllocationId id) {
            return new AllocateBudget(id, fiscalYear, amountSek, source, recipient, purpose, effectiveDate, decision);
        }
    }

    record Grant(
            @NotBlank @Size(max = 300) @Schema(example = "Delegationen mot segregation") String grantor,
            @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
            @NotNull @Positive @Max(MAX) @Schema(example = "2100000") Long amountSek,
            @Size(max = 1000) String purpose,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {

        RegisterGrant toCommand(GrantId id) {
            return new RegisterGrant(id, grantor, fiscalYear, amountSek, purpose, effectiveDate, decision);
        }
    }

    record Distribute(
            @NotEmpty @Size(max = 100) List<@NotNull @Valid AllocationPart> parts,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {

        DistributeAllocation toCommand(AllocationId id) {
            return new DistributeAllocation(id, parts, effectiveDate, decision);
        }
    }

    record Reverse(
            @NotNull @Positive @Max(MAX) Long amountSek,
            @NotBlank @Size(max = 1000) String reason,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {

        ReverseAllocation toCommand(AllocationId id) {
            return new ReverseAllocation(id, amountSek, reason, effectiveDate, decision);
        }
    }

    record Refer(
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2022") Integer fiscalYear,
            @NotBlank @Size(max = 1000) String subject,
            @NotBlank @Size(max = 300) @Schema(example = "Budgetberedningen") String referredTo,
            @Valid Recipient recipient,
            @Positive @Max(MAX) Long estimatedAmountSek,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {

        ReferFinancing toCommand(ReferralId id) {
            return new ReferFinancing(id, fiscalYear, subject, referredTo, recipient, estimatedAmountSek, effectiveDate, decision);
        }
    }

    record Settle(
            @NotBlank @Size(max = 1000) String outcome,
            @Size(max = 64) String allocationId,
            @NotNull LocalDate effectiveDate,
            @NotNull @Valid DecisionReference decision) {

        SettleReferral toCommand(ReferralId id) {
            return new SettleReferral(id, outcome, allocationId == null || allocationId.isBlank() ? null : AllocationId.of(allocationId),
                    effectiveDate, decision);
        }
    }
}
