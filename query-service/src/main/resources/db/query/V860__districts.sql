-- Issue 19: districts are data. The registered districts (DistrictRegistered) and their priority
-- designation (PriorityDistrictDesignated), each with its decision and the revision that recorded it.
CREATE TABLE projection.district (
    name_key                 varchar(100) PRIMARY KEY,   -- the name stripped and in lower case
    name                     varchar(100) NOT NULL,      -- the proper spelling, as registered
    municipality             varchar(100),
    registered_revision      bigint       NOT NULL,
    registered_date          date         NOT NULL,
    registered_decision      text         NOT NULL,      -- the decision's JSON, as the event carries it
    priority_revision        bigint,
    priority_date            date,
    priority_decision        text
);
