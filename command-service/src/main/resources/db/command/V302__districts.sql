-- Issue 19: districts are data. The registered districts, by name compared case-insensitively, for
-- the rules that name a district (pictures, actions). Kept from DistrictRegistered events.
CREATE TABLE registry.district (
    name_key     varchar(100) PRIMARY KEY,   -- the name stripped and in lower case
    name         varchar(100) NOT NULL,      -- the proper spelling, as registered
    municipality varchar(100)
);
