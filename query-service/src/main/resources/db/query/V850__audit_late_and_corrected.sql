-- The audit trail and the timeline say which entries the register learned late and which were
-- corrected or annulled (issue 18). A correction's replacement names the entry it replaces in its
-- metadata (kept here); the correction itself is an EntryCorrected row naming the corrected event.
-- No log held corrections before this version, so nothing needs filling in.
ALTER TABLE projection.audit_event ADD COLUMN corrects varchar(255);
CREATE INDEX audit_event_identifier_idx ON projection.audit_event (event_identifier);
CREATE INDEX audit_event_correction_idx ON projection.audit_event ((payload ->> 'correctedEventId'))
    WHERE event_type = 'EntryCorrected';
CREATE INDEX audit_event_aggregate_idx ON projection.audit_event (aggregate_id, revision);
