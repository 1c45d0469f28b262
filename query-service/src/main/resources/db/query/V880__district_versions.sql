-- Districts on both clocks (issue 19 with issue 18's rule): a registration or a priority designation that is
-- corrected or annulled changes the district from the correction's revision on, never the answers of earlier
-- revisions. Each change closes the district's current version and opens the next.
CREATE TABLE projection.district_version (
    name_key             varchar(100) NOT NULL,   -- the name stripped and in lower case
    name                 varchar(100) NOT NULL,   -- the proper spelling, as registered
    municipality         varchar(100),
    registered_revision  bigint       NOT NULL,   -- the entry that registered it (a correction's replacement, if corrected)
    registered_date      date         NOT NULL,
    registered_decision  text         NOT NULL,   -- the decision's JSON, as the event carries it
    priority_revision    bigint,                  -- the entry that designated it a priority district, if one counts
    priority_date        date,
    priority_decision    text,
    revision_from        bigint       NOT NULL,
    revision_to          bigint,
    PRIMARY KEY (name_key, revision_from)
);
CREATE UNIQUE INDEX district_version_current_idx ON projection.district_version (name_key) WHERE revision_to IS NULL;

-- what the earlier table held: the registration from its revision, the designation from its own
INSERT INTO projection.district_version (name_key, name, municipality, registered_revision, registered_date,
                                         registered_decision, revision_from, revision_to)
SELECT name_key, name, municipality, registered_revision, registered_date, registered_decision, registered_revision,
       priority_revision
  FROM projection.district;
INSERT INTO projection.district_version (name_key, name, municipality, registered_revision, registered_date,
                                         registered_decision, priority_revision, priority_date, priority_decision,
                                         revision_from)
SELECT name_key, name, municipality, registered_revision, registered_date, registered_decision, priority_revision,
       priority_date, priority_decision, priority_revision
  FROM projection.district WHERE priority_revision IS NOT NULL;
DROP TABLE projection.district;
