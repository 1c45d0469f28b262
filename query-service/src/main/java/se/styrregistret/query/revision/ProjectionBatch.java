package se.styrregistret.query.revision;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes per processor batch instead of per event. A projection keeps what its handlers decide in
 * a state object of the batch and writes it with a few set-based statements as the batch prepares
 * to commit, in the same transaction as the processor's token. Per-event round trips were what set
 * the pace of a catch-up; a batch of 100 events now costs a handful of statements.
 * <p>
 * Handlers must decide completely before they touch the state: an event whose handler throws is
 * dead-lettered while the rest of its batch goes on, and must leave nothing behind in the state.
 */
public final class ProjectionBatch {

    private ProjectionBatch() {
    }

    /** What a projection has decided in the current batch and not yet written. */
    public interface State {
        /** Writes everything decided so far; called once, as the batch prepares to commit. */
        void flush();
    }

    /** Rows for one INSERT statement, written as one JDBC batch. */
    public static final class Rows implements State {
        private final JdbcTemplate jdbc;
        private final String insert;
        private final List<Object[]> rows = new ArrayList<>();

        public Rows(JdbcTemplate jdbc, String insert) {
            this.jdbc = jdbc;
            this.insert = insert;
        }

        public void add(Object[] row) {
            rows.add(row);
        }

        @Override
        public void flush() {
            if (!rows.isEmpty()) jdbc.batchUpdate(insert, rows);
            rows.clear();
        }
    }

    /**
     * Runs {@code action} on the current batch's state under {@code key}, created by {@code create}
     * on first use and flushed once as the batch prepares to commit. Outside a processor's unit of
     * work the state lives for this call only and is flushed right after it.
     */
    public static <S extends State> void apply(String key, Supplier<S> create, Consumer<S> action) {
        if (!CurrentUnitOfWork.isStarted()) {
            S state = create.get();
            action.accept(state);
            state.flush();
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        S state = batch.getOrComputeResource(key, k -> {
            S created = create.get();
            batch.onPrepareCommit(u -> created.flush());
            return created;
        });
        action.accept(state);
    }

    /**
     * The events of the batch being handled (the current one alone outside a batch), so a state
     * can read what the whole batch needs with one query when it is created.
     */
    public static List<? extends EventMessage<?>> messages() {
        if (!CurrentUnitOfWork.isStarted()) return List.of();
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        if (batch instanceof BatchingUnitOfWork<?> batching) {
            return batching.getMessages().stream()
                    .filter(EventMessage.class::isInstance).map(m -> (EventMessage<?>) m).toList();
        }
        return batch.getMessage() instanceof EventMessage<?> event ? List.of(event) : List.of();
    }
}
