-- Filtered and paged answers (no answer grows with the whole register): the org chart narrowed to a
-- district or a kind of scope, the ledger narrowed to a district. District names compare case-insensitively
-- (kernel Districts), as lower(district) = lower(:district).

-- the chart's active versions of one scope kind, or of one district: a district's bodies' versions over
-- their history (bounded by the district, not by the register), checked against both clocks' ranges
CREATE INDEX body_version_active_scope_idx ON projection.body_version (scope_kind, lower(district))
    WHERE status = 'ACTIVE';

-- the ledger's movements recorded for one district, in log order
CREATE INDEX budget_ledger_district_idx ON projection.budget_ledger_entry (lower(district), revision, entry_index);
-- and those to a body (area team, governance body) of the district, found by the body's id
CREATE INDEX budget_ledger_recipient_idx ON projection.budget_ledger_entry (recipient_id);
