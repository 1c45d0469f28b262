-- The tamper evidence now covers each event as Axon hands it out (the same in every storage mode),
-- with a leaf hash per event kept beside its link, so a link can be redone without reading the
-- log's tables. The old links were over the PostgreSQL rows and cannot be converted: the audit
-- trail is read from the log again once (its processor starts from the beginning).
DELETE FROM projection.audit_hash;
DELETE FROM projection.audit_event;
DELETE FROM projection.projection_revision WHERE projection = 'audit';
ALTER TABLE projection.audit_hash ADD COLUMN leaf_hash varchar(64) NOT NULL;
UPDATE axon.token_entry SET token = NULL, token_type = NULL WHERE processor_name = 'audit';
