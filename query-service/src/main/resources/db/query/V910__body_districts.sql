-- The districts each body has been of, and from which revision the register knew it so: the ledger's district
-- filter ("money to a body of the district, as the register knew the bodies at the revision") read this from
-- every active version of every district body, a list that grows with the log (thousands of ids at 1 000 000
-- events, then matched against each row). One row per body and district instead, written with the versions.
CREATE TABLE projection.body_district (
    district_key varchar(100) NOT NULL, -- lower(district): districts compare case-insensitively (kernel Districts)
    body_id      varchar(64)  NOT NULL,
    known_from   bigint       NOT NULL, -- the first revision at which an active version placed the body there
    PRIMARY KEY (district_key, body_id) INCLUDE (known_from) -- a district's bodies by an index-only scan
);

INSERT INTO projection.body_district (district_key, body_id, known_from)
SELECT lower(district), body_id, min(revision_from)
FROM projection.body_version
WHERE status = 'ACTIVE' AND scope_kind = 'DISTRICT' AND district IS NOT NULL
GROUP BY lower(district), body_id;
