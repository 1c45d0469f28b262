package se.styrregistret.command.budget;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.command.lookup.LookupTable;
import se.styrregistret.kernel.budget.AllocationReversed;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.BudgetFrameExtended;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.GrantRegistered;
import se.styrregistret.kernel.budget.SourceKind;

import java.util.Optional;

/**
 * The command side's own balance of every frame and grant: total and allocated. A {@link LookupTable}
 * kept in the same transaction as the events (and caught up from the log when behind); the updates are atomic
 * ({@code allocated = allocated + n}) and a check constraint ({@code allocated <= total}) refuses
 * the second of two concurrent allocations that together would exceed a frame.
 */
@Component
class SourceBalanceRegistry implements SourceBalances, LookupTable {

    private final JdbcTemplate jdbc;

    SourceBalanceRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Balance> balanceOf(String sourceId) {
        return jdbc.query("select fiscal_year, total_sek, allocated_sek from registry.budget_source_balance where source_id = ?",
                rs -> rs.next() ? Optional.of(new Balance(rs.getInt(1), rs.getLong(2), rs.getLong(3))) : Optional.empty(),
                sourceId);
    }

    @Override
    public String name() {
        return "budget-balances";
    }

    @Override
    public boolean follows(Object event) {
        return event instanceof BudgetFrameOpened || event instanceof BudgetFrameExtended || event instanceof GrantRegistered
                || event instanceof BudgetAllocated || event instanceof AllocationReversed;
    }

    @Override
    public void apply(Object event) {
        if (event instanceof BudgetFrameOpened e) {
            jdbc.update("insert into registry.budget_source_balance (source_id, kind, fiscal_year, total_sek, allocated_sek) "
                    + "values (?, ?, ?, ?, 0)", e.frameId().value(), SourceKind.FRAME.name(), e.fiscalYear(), e.amountSek());
        } else if (event instanceof BudgetFrameExtended e) {
            jdbc.update("update registry.budget_source_balance set total_sek = total_sek + ? where source_id = ?",
                    e.amountSek(), e.frameId().value());
        } else if (event instanceof GrantRegistered e) {
            jdbc.update("insert into registry.budget_source_balance (source_id, kind, fiscal_year, total_sek, allocated_sek) "
                    + "values (?, ?, ?, ?, 0)", e.grantId().value(), SourceKind.GRANT.name(), e.fiscalYear(), e.amountSek());
        } else if (event instanceof BudgetAllocated e) {
            charge(e.source(), e.amountSek());
        } else if (event instanceof AllocationReversed e) {
            charge(e.source(), -e.amountSek());
        }
    }

    @Override
    public void clear() {
        jdbc.update("delete from registry.budget_source_balance");
    }

    @Override
    public boolean isEmpty() {
        return !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from registry.budget_source_balance)", Boolean.class));
    }

    private void charge(FundingSource source, long amountSek) {
        if (source.kind() == SourceKind.RESOURCE_FUNDS) return;
        try {
            jdbc.update("update registry.budget_source_balance set allocated_sek = allocated_sek + ? where source_id = ?",
                    amountSek, source.key());
        } catch (DataIntegrityViolationException e) {
            // a concurrent allocation took what remained between this command's check and its commit
            boolean frame = source.kind() == SourceKind.FRAME;
            throw RuleViolation.conflict(frame ? "frame-exceeded" : "grant-exceeded",
                    "Anslaget på " + amountSek + " kr överstiger vad som återstår av " + (frame ? "ramen " : "bidraget ")
                            + source.key() + " (ett samtidigt anslag hann före)");
        }
    }
}
