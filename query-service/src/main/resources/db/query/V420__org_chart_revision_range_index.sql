-- "Which versions were in force at revision N" is an interval-stabbing question: a GiST index over
-- each version's revision interval [revision_from, revision_to) finds the few versions containing N
-- instead of reading every version recorded before N (which grows with the whole history).
CREATE INDEX body_version_revision_range_idx ON projection.body_version USING gist (int8range(revision_from, revision_to));
-- and the versions already superseded in the register by a change that takes effect after the asked date
CREATE INDEX body_version_superseded_effective_idx ON projection.body_version (effective_to) WHERE revision_to IS NOT NULL;
