-- Agreements (collaboration agreement, citizen promise, programme declaration): recorded once,
-- one row each, with the revision that recorded it.
CREATE TABLE projection.agreement (
    agreement_id       varchar(64)   PRIMARY KEY,
    revision           bigint        NOT NULL,
    kind               varchar(40)   NOT NULL,
    title              varchar(300)  NOT NULL,
    parties            jsonb         NOT NULL,
    period_from        integer,
    period_to          integer,
    commitments        jsonb         NOT NULL,
    signatory          varchar(300),
    note               varchar(2000),
    effective_date     date          NOT NULL,
    decision           jsonb         NOT NULL
);
CREATE INDEX agreement_revision_idx ON projection.agreement (revision);
