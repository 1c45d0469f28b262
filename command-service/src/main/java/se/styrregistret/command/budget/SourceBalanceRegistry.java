package se.styrregistret.command.budget;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.styrregistret.command.common.RuleViolation;
import se.styrregistret.kernel.budget.AllocationReversed;
import se.styrregistret.kernel.budget.BudgetAllocated;
import se.styrregistret.kernel.budget.BudgetFrameExtended;
import se.styrregistret.kernel.budget.BudgetFrameOpened;
import se.styrregistret.kernel.budget.FundingSource;
import se.styrregistret.kernel.budget.GrantRegistered;
import se.styrregistret.kernel.budget.SourceKind;

import java.util.Optional;

/**
 * The command side's own balance of every frame and grant: total and allocated. A subscribing
 * processor keeps it in the same transaction as the events; the updates are atomic
 * ({@code allocated = allocated + n}) and a check constraint ({@code allocated <= total}) refuses
 * the second of two concurrent allocations that together would exceed a frame.
 */
@Component
@ProcessingGroup(SourceBalanceRegistry.PROCESSING_GROUP)
class SourceBalanceRegistry implements SourceBalances {

    static final String PROCESSING_GROUP = "budget-balances";

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

    @EventHandler
    void on(BudgetFrameOpened event) {
        jdbc.update("insert into registry.budget_source_balance (source_id, kind, fiscal_year, total_sek, allocated_sek) "
                + "values (?, ?, ?, ?, 0)", event.frameId().value(), SourceKind.FRAME.name(), event.fiscalYear(), event.amountSek());
    }

    @EventHandler
    void on(BudgetFrameExtended event) {
        jdbc.update("update registry.budget_source_balance set total_sek = total_sek + ? where source_id = ?",
                event.amountSek(), event.frameId().value());
    }

    @EventHandler
    void on(GrantRegistered event) {
        jdbc.update("insert into registry.budget_source_balance (source_id, kind, fiscal_year, total_sek, allocated_sek) "
                + "values (?, ?, ?, ?, 0)", event.grantId().value(), SourceKind.GRANT.name(), event.fiscalYear(), event.amountSek());
    }

    @EventHandler
    void on(BudgetAllocated event) {
        charge(event.source(), event.amountSek());
    }

    @EventHandler
    void on(AllocationReversed event) {
        charge(event.source(), -event.amountSek());
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

    /** Errors here must fail the command's transaction and reach the client, not be logged and skipped. */
    @Configuration(proxyBeanMethods = false)
    static class PropagateErrors {
        @Bean
        ConfigurerModule budgetBalancesPropagateErrors() {
            return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                    PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
        }
    }
}
