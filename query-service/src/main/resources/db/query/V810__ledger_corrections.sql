-- Corrections (issue 18): an entry of the log recorded wrongly is corrected or annulled; its ledger
-- rows stay, and from the correcting revision on they no longer count (retracted_at). Rows know the
-- event they came from, as a correction names it. The rows written so far have no event id: the
-- ledger is read from the log again once (its processor starts from the beginning).
DELETE FROM projection.budget_ledger_entry;
DELETE FROM projection.projection_revision WHERE projection = 'ledger';
UPDATE axon.token_entry SET token = NULL, token_type = NULL WHERE processor_name = 'ledger';
ALTER TABLE projection.budget_ledger_entry ADD COLUMN event_id varchar(64) NOT NULL;
ALTER TABLE projection.budget_ledger_entry ADD COLUMN retracted_at bigint;
CREATE INDEX budget_ledger_event_idx ON projection.budget_ledger_entry (event_id);
