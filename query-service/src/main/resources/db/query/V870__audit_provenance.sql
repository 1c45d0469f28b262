-- Provenance (issue 19): each entry's sources, document kind, decision status and the certainty of its facts
-- travel in the event's metadata ("provenance"); the audit trail keeps them per revision, and every answer
-- that shows an entry (with its revision) shows them from here. The decision's date precision is kept too:
-- before this version the trail showed a decision of "januari 2020" as 2020-01-01.
ALTER TABLE projection.audit_event ADD COLUMN provenance jsonb;
ALTER TABLE projection.audit_event ADD COLUMN decision_date_precision varchar(6);
-- rows written before: the precision is in the stored payload's decision (no log held provenance before)
UPDATE projection.audit_event
   SET decision_date_precision = coalesce(payload #>> '{decision,datePrecision}', 'DAY')
 WHERE decision_date IS NOT NULL;
