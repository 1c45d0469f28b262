-- V920's R-tree of versions in effect degraded as the projection wrote it: 0.1 ms per chart when built over a
-- finished table, 12 ms (a third of the index's pages read for 400 rows) after a catch-up of 1 000 000 events.
-- A version is written open in revision (its rectangle drawn out to revision 1e15) and closed by the next
-- change; in an R-tree an entry widens every inner key on its way to a leaf, and a key never narrows again
-- when the entry is superseded, so every inner node soon reached the far edge and the search could not prune.
-- Split by whether the version is still known: a closed version enters its index once, closed (the update that
-- closes it writes the row anew), with its final, short rectangle; the open versions (one per active body)
-- have an index of their own, which stays small. OrgChartQueries.ACTIVE_AS_OF asks the three trees, each
-- condition written so that it implies its index's predicate.
CREATE INDEX body_version_in_effect_closed_clocks_idx ON projection.body_version
    USING gist (projection.both_clocks(revision_from, revision_to, effective_from, effective_to))
    WHERE status = 'ACTIVE' AND effective_to IS NULL AND revision_to IS NOT NULL;

CREATE INDEX body_version_in_effect_open_clocks_idx ON projection.body_version
    USING gist (projection.both_clocks(revision_from, revision_to, effective_from, effective_to))
    WHERE status = 'ACTIVE' AND effective_to IS NULL AND revision_to IS NULL;

DROP INDEX projection.body_version_in_effect_clocks_idx;
