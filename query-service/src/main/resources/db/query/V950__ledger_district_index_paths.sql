-- One district's fiscal year in the ledger was found by reading every row of the year (27 000 at the bench's
-- 1 000 000 events, 18-20 ms of PostgreSQL's time per statement for the 1 600 that concern the district) and testing
-- each: its district, its recipient among the district's bodies (a district has had about 3 000 over such a log),
-- or a settlement of a referral that concerns it. Each branch now has an index path, and the database combines them:
-- - money recorded for the district, by the district's name and the year;
CREATE INDEX budget_ledger_district_year_idx ON projection.budget_ledger_entry (lower(district), fiscal_year, revision);
-- - money to the district's bodies, by recipient and year (it replaces the index on the recipient alone);
CREATE INDEX budget_ledger_recipient_year_idx ON projection.budget_ledger_entry (recipient_id, fiscal_year, revision);
DROP INDEX projection.budget_ledger_recipient_idx;
-- - settlements, few, by year.
CREATE INDEX budget_ledger_settled_year_idx ON projection.budget_ledger_entry (fiscal_year, revision)
    WHERE entry_type = 'REFERRAL_SETTLED';

-- The recipients of each fiscal year's money, written with the ledger's rows: of a district's 3 000 bodies, the
-- hundred or so that received money in the year asked for are looked up by recipient, not all of them. A
-- narrowing only: the rows found are still held to the revision, the date and the district's bodies as the register
-- knew them at the revision (LedgerQueries), so a pair kept for a retracted row changes no answer.
CREATE TABLE projection.ledger_recipient_year (
    fiscal_year  integer      NOT NULL,
    recipient_id varchar(300) NOT NULL,
    PRIMARY KEY (fiscal_year, recipient_id)
);

INSERT INTO projection.ledger_recipient_year (fiscal_year, recipient_id)
SELECT DISTINCT fiscal_year, recipient_id FROM projection.budget_ledger_entry WHERE recipient_id IS NOT NULL;
