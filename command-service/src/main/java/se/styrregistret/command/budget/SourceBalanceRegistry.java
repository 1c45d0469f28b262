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
import se.styrregistret.kernel.budget.GrantRegistered;
import se.styrregistret.kernel.budget.SourceKind;
import se.styrregistret.kernel.correction.EntryCorrected;

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
                || event instanceof BudgetAllocated || event instanceof AllocationReversed || event instanceof EntryCorrected;
    }

    @Override
    public void apply(Object event) {
        apply(event, null, null);
    }

    /**
     * Each event's movement (what it adds to a source's total and to what is allocated from it) is kept
     * by event id. A correction's replacement moves the difference to the corrected entry's movement in
     * one update, so the database's check (allocated within total) judges the corrected figures; an
     * annulment takes the entry's movement back out.
     */
    @Override
    public void apply(Object event, String eventId, String corrects) {
        if (event instanceof EntryCorrected e) {
            if (e.annulled()) {
                movementOf(e.correctedEventId()).ifPresent(old -> {
                    move(old.sourceId(), -old.totalSek(), -old.allocatedSek(), " (struken)");
                    jdbc.update("delete from registry.budget_source_movement where event_id = ?", e.correctedEventId());
                });
            }
            return;
        }
        Movement movement = movementOf(event);
        if (movement == null) return;
        Optional<Movement> old = corrects == null ? Optional.empty() : movementOf(corrects);
        boolean opens = event instanceof BudgetFrameOpened || event instanceof GrantRegistered;
        if (opens && old.isEmpty()) {
            int fiscalYear = event instanceof BudgetFrameOpened o ? o.fiscalYear() : ((GrantRegistered) event).fiscalYear();
            String kind = event instanceof BudgetFrameOpened ? SourceKind.FRAME.name() : SourceKind.GRANT.name();
            jdbc.update("insert into registry.budget_source_balance (source_id, kind, fiscal_year, total_sek, allocated_sek) "
                    + "values (?, ?, ?, ?, 0)", movement.sourceId(), kind, fiscalYear, movement.totalSek());
        } else if (old.isPresent() && !old.get().sourceId().equals(movement.sourceId())) {
            move(old.get().sourceId(), -old.get().totalSek(), -old.get().allocatedSek(), "");
            move(movement.sourceId(), movement.totalSek(), movement.allocatedSek(), " (rättelse)");
        } else {
            long total = movement.totalSek() - old.map(Movement::totalSek).orElse(0L);
            long allocated = movement.allocatedSek() - old.map(Movement::allocatedSek).orElse(0L);
            move(movement.sourceId(), total, allocated, old.isPresent() ? " (rättelse)" : "");
            if (opens) {
                int fiscalYear = event instanceof BudgetFrameOpened o ? o.fiscalYear() : ((GrantRegistered) event).fiscalYear();
                jdbc.update("update registry.budget_source_balance set fiscal_year = ? where source_id = ?", fiscalYear,
                        movement.sourceId());
            }
        }
        if (corrects != null) jdbc.update("delete from registry.budget_source_movement where event_id = ?", corrects);
        if (eventId != null) {
            jdbc.update("insert into registry.budget_source_movement (event_id, source_id, total_sek, allocated_sek) "
                    + "values (?, ?, ?, ?) on conflict do nothing", eventId, movement.sourceId(), movement.totalSek(),
                    movement.allocatedSek());
        }
    }

    record Movement(String sourceId, long totalSek, long allocatedSek) {
    }

    /** What the event moves, or null when it moves nothing here (resource funds are no registered source). */
    static Movement movementOf(Object event) {
        if (event instanceof BudgetFrameOpened e) return new Movement(e.frameId().value(), e.amountSek(), 0);
        if (event instanceof BudgetFrameExtended e) return new Movement(e.frameId().value(), e.amountSek(), 0);
        if (event instanceof GrantRegistered e) return new Movement(e.grantId().value(), e.amountSek(), 0);
        if (event instanceof BudgetAllocated e && e.source().kind() != SourceKind.RESOURCE_FUNDS) {
            return new Movement(e.source().key(), 0, e.amountSek());
        }
        if (event instanceof AllocationReversed e && e.source().kind() != SourceKind.RESOURCE_FUNDS) {
            return new Movement(e.source().key(), 0, -e.amountSek());
        }
        return null;
    }

    private Optional<Movement> movementOf(String eventId) {
        return jdbc.query("select source_id, total_sek, allocated_sek from registry.budget_source_movement where event_id = ?",
                rs -> rs.next() ? Optional.of(new Movement(rs.getString(1), rs.getLong(2), rs.getLong(3))) : Optional.empty(),
                eventId);
    }

    private void move(String sourceId, long totalSek, long allocatedSek, String note) {
        // read before the update: a failed statement aborts the transaction
        boolean frame = allocatedSek > 0 || totalSek < 0 ? Boolean.TRUE.equals(jdbc.query(
                "select kind = 'FRAME' from registry.budget_source_balance where source_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, sourceId)) : true;
        try {
            jdbc.update("update registry.budget_source_balance set total_sek = total_sek + ?, allocated_sek = allocated_sek + ? "
                    + "where source_id = ?", totalSek, allocatedSek, sourceId);
        } catch (DataIntegrityViolationException e) {
            // a concurrent allocation took what remained between this command's check and its commit
            throw RuleViolation.conflict(frame ? "frame-exceeded" : "grant-exceeded",
                    "Anslagen överstiger vad som finns i " + (frame ? "ramen " : "bidraget ") + sourceId + note
                            + " (en samtidig ändring kan ha hunnit före)");
        }
    }

    @Override
    public void clear() {
        jdbc.update("delete from registry.budget_source_balance");
        jdbc.update("delete from registry.budget_source_movement");
    }

    @Override
    public boolean isEmpty() {
        return !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from registry.budget_source_balance)", Boolean.class));
    }
}
