-- Corrections (issue 18) on agreements and district pictures: a row per recorded entry, never
-- changed but for the revision from which a correction retracts it. A district's picture of a kind
-- in force on D as known at N is then the latest (by effective date, then as recorded) of the rows
-- held at N that took effect by D, whatever order they were recorded in. The rows written so far
-- have no event id: both are read from the log again once.
DELETE FROM projection.agreement;
DELETE FROM projection.projection_revision WHERE projection = 'agreements';
UPDATE axon.token_entry SET token = NULL, token_type = NULL WHERE processor_name = 'agreements';
ALTER TABLE projection.agreement DROP CONSTRAINT agreement_pkey;
ALTER TABLE projection.agreement ADD COLUMN event_id varchar(64) PRIMARY KEY;
ALTER TABLE projection.agreement ADD COLUMN retracted_at bigint;
CREATE INDEX agreement_id_idx ON projection.agreement (agreement_id);

DELETE FROM projection.district_picture;
DELETE FROM projection.projection_revision WHERE projection = 'districts';
UPDATE axon.token_entry SET token = NULL, token_type = NULL WHERE processor_name = 'districts';
DROP INDEX projection.district_picture_current_idx;
ALTER TABLE projection.district_picture DROP CONSTRAINT district_picture_version_uq;
ALTER TABLE projection.district_picture DROP COLUMN revision_to;
ALTER TABLE projection.district_picture DROP COLUMN effective_to;
ALTER TABLE projection.district_picture ADD COLUMN event_id varchar(64) NOT NULL;
ALTER TABLE projection.district_picture ADD COLUMN retracted_at bigint;
ALTER TABLE projection.district_picture ADD CONSTRAINT district_picture_event_uq UNIQUE (event_id);
CREATE INDEX district_picture_district_idx ON projection.district_picture (district, kind, effective_from);
