-- Both clocks for real (issue 18): a change may be recorded late (effective before changes the
-- register already holds) and an entry may be corrected or annulled. A version row is now a
-- rectangle on the two clocks: in force on [effective_from, effective_to) as the register knew it
-- on [revision_from, revision_to). A late or corrected change closes, at its revision, the open
-- rows it alters and opens their recomputed successors; rows it does not alter stay open.
--   revision_from <= N < coalesce(revision_to, inf) and effective_from <= D < coalesce(effective_to, inf)
-- The rows written so far followed the old staircase reading and cannot be converted: the chart is
-- read from the log again once (its processor starts from the beginning).
DELETE FROM projection.body_version;
DELETE FROM projection.function_transfer;
DELETE FROM projection.projection_revision WHERE projection = 'orgchart';
UPDATE axon.token_entry SET token = NULL, token_type = NULL WHERE processor_name = 'orgchart';

-- the revision of the change that opened the version (revision_from is when the row was written)
ALTER TABLE projection.body_version ADD COLUMN change_revision bigint NOT NULL;
DROP INDEX projection.body_version_active_superseded_idx;
CREATE INDEX body_version_active_effective_range_idx ON projection.body_version
    USING gist (daterange(effective_from, effective_to)) WHERE status = 'ACTIVE';

-- Every governance event of a body, as recorded, so its timeline can be folded again in effective-date
-- order when a late change or a correction arrives. A corrected or annulled entry stays, with the
-- revision from which it no longer counts (retracted_at) and why.
CREATE TABLE projection.body_change (
    event_id            varchar(64)   PRIMARY KEY,
    body_id             varchar(64)   NOT NULL,
    revision            bigint        NOT NULL,
    effective_date      date          NOT NULL,
    recorded_at         timestamptz   NOT NULL,
    recorded_by         varchar(200),
    event_type          varchar(100)  NOT NULL,
    payload             jsonb         NOT NULL,
    corrects            varchar(64),
    correction_revision bigint,
    correction_reason   varchar(4000),
    annulled            boolean       NOT NULL DEFAULT false,
    retracted_at        bigint
);
CREATE INDEX body_change_body_idx ON projection.body_change (body_id, revision);
