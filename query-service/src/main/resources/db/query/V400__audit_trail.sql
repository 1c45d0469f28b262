-- Audit trail: one row per event in the log, keyed by its revision (global index). Written by the
-- "audit" processor in the same transaction as its token; never updated, only rebuilt from the log.
CREATE TABLE projection.audit_event (
    revision           bigint        PRIMARY KEY,
    event_identifier   varchar(255)  NOT NULL,
    aggregate_type     varchar(255),
    aggregate_id       varchar(255),
    sequence_number    bigint,
    recorded_at        timestamptz   NOT NULL,
    recorded_by        varchar(200),
    correlation_id     varchar(255),
    trace_id           varchar(255),
    effective_date     date,
    decision_case      varchar(60),
    decision_paragraph varchar(20),
    decision_date      date,
    decided_by         varchar(200),
    event_type         varchar(200)  NOT NULL,
    -- kernel package the event comes from: governance, budget, actionplan, ... (the timeline shows governance)
    category           varchar(100)  NOT NULL,
    -- every id the payload names (bodies, plans, allocations, functions) and the aggregate's own id
    affected_ids       jsonb         NOT NULL,
    -- the district the event itself names (area teams, district-scoped bodies), if any
    district           varchar(100),
    summary            varchar(4000) NOT NULL,
    payload            jsonb         NOT NULL
);
-- filters: effective period, recorded period, case number, any affected id (jsonb containment)
CREATE INDEX audit_event_effective_idx ON projection.audit_event (effective_date, revision);
CREATE INDEX audit_event_recorded_idx ON projection.audit_event (recorded_at);
CREATE INDEX audit_event_case_idx ON projection.audit_event (decision_case);
CREATE INDEX audit_event_affected_idx ON projection.audit_event USING gin (affected_ids jsonb_path_ops);
-- the timeline: governance changes by effective date, then revision
CREATE INDEX audit_event_timeline_idx ON projection.audit_event (category, effective_date, revision);

-- Tamper evidence: each revision's hash covers the previous hash and the stored event row as it
-- was when the audit trail first read it (see AuditChain). Recomputing from the log shows the
-- first revision whose stored bytes changed since.
CREATE TABLE projection.audit_hash (
    revision      bigint      PRIMARY KEY,
    previous_hash varchar(64),
    hash          varchar(64) NOT NULL
);
