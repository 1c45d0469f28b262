-- Command-side balance of every budget frame and external grant, for the rule that allocations
-- from a frame (or grant) cannot exceed what remains of it. Kept by the command-service in the
-- same transaction as the events; never read from the query-service.
CREATE TABLE registry.budget_source_balance (
    source_id     varchar(64) PRIMARY KEY,
    kind          varchar(20) NOT NULL,
    fiscal_year   integer     NOT NULL,
    total_sek     bigint      NOT NULL,
    allocated_sek bigint      NOT NULL,
    -- closes the race between two concurrent allocations that each fit but together do not
    CONSTRAINT budget_source_not_exceeded CHECK (allocated_sek <= total_sek),
    CONSTRAINT budget_source_allocated_not_negative CHECK (allocated_sek >= 0)
);
