-- Corrections (issue 18) on action plans and function transfers. A row stops counting from the
-- revision a correction retracts it (retracted_at): an annulment's own, a correction's replacement's.
-- An action plan's corrected history is folded again at that revision into new rows (revision_from
-- = it), so at every revision before it the rows answer exactly as they did. No row written so far is
-- retracted (no entry of either could be corrected before); the plans are read from the log again once
-- all the same, so every plan's answer carries its aggregate's version as ETag (V820), not only the
-- plans changed since.
DELETE FROM projection.action_progress;
DELETE FROM projection.action_version;
DELETE FROM projection.action_plan_version;
DELETE FROM projection.projection_revision WHERE projection = 'actionplans';
UPDATE axon.token_entry SET token = NULL, token_type = NULL WHERE processor_name = 'actionplans';
ALTER TABLE projection.action_plan_version ADD COLUMN retracted_at bigint;
ALTER TABLE projection.action_version ADD COLUMN retracted_at bigint;
ALTER TABLE projection.action_progress ADD COLUMN retracted_at bigint;
DROP INDEX projection.action_version_current_uq;
CREATE UNIQUE INDEX action_version_current_uq ON projection.action_version (plan_id, action_id)
    WHERE revision_to IS NULL AND retracted_at IS NULL;
CREATE INDEX action_version_plan_revision_idx ON projection.action_version (plan_id, revision_from);

-- A transfer's event id: written with the row from now on; a row written before gets it when a
-- correction names its revision (EntryCorrected carries both).
ALTER TABLE projection.function_transfer ADD COLUMN event_id varchar(64);
ALTER TABLE projection.function_transfer ADD COLUMN retracted_at bigint;
CREATE INDEX function_transfer_event_idx ON projection.function_transfer (event_id);
