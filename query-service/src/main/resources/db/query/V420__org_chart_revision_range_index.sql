-- "Which active versions were in force at revision N" is an interval-stabbing question: a GiST index
-- over each active version's revision interval [revision_from, revision_to) finds the few versions
-- containing N, instead of reading every version recorded before N and every dissolved body's last
-- version (both grow with the whole history, the chart does not).
CREATE INDEX body_version_active_revision_range_idx ON projection.body_version
    USING gist (int8range(revision_from, revision_to)) WHERE status = 'ACTIVE';
-- and the active versions already superseded in the register by a change effective after the asked date
CREATE INDEX body_version_active_superseded_idx ON projection.body_version (effective_to)
    WHERE status = 'ACTIVE' AND revision_to IS NOT NULL;
