-- A body's latest name for the audit summaries: one index probe per event instead of reading
-- every audit row of the body (which grows with the log).
CREATE INDEX audit_event_body_name_idx ON projection.audit_event ((payload ->> 'bodyId'), revision DESC)
    WHERE payload ->> 'name' IS NOT NULL;
