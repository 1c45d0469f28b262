-- Which events each command-side lookup table has applied. The tables follow the log twice over
-- (live, in the command's transaction, and a catch-up from the log itself, for a PostgreSQL that is
-- new or behind a log kept in Axon Server); this key lets exactly one of them apply each event.
CREATE TABLE registry.lookup_applied_event (
    lookup   varchar(40)  NOT NULL,
    event_id varchar(255) NOT NULL,
    PRIMARY KEY (lookup, event_id)
);
