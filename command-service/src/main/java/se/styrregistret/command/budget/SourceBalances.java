package se.styrregistret.command.budget;

import java.util.Optional;

/**
 * What remains of a frame or a grant, for allocations to check against. {@link SourceBalanceRegistry}
 * answers from the command side's own table; aggregate tests give an in-memory one.
 */
interface SourceBalances {

    /** The balance of a frame or grant by its id, empty when no such source is registered. */
    Optional<Balance> balanceOf(String sourceId);

    record Balance(int fiscalYear, long totalSek, long allocatedSek) {
        long remainingSek() {
            return totalSek - allocatedSek;
        }
    }
}
