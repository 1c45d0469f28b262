-- The chart "on date D as known at revision N" is a point query on both clocks: the versions whose
-- rectangle [revision_from, revision_to) × [effective_from, effective_to) holds (N, D). V800 indexed each
-- range on its own, so a query found every version holding D (or N) and filtered the other clock: at a
-- long history that is every version ever written with an open end date (each change closes the latest
-- version in revision and writes it again), hundreds of thousands of rows for a chart of a few hundred.
-- One two-dimensional GiST (R-tree) index over the rectangle finds the chart's rows alone.
--
-- The rectangle as a box: x = revision, y = days since 1970-01-01; open ends far out; the upper edges
-- pulled in by one half, so the closed box holds exactly the integer points of the half-open ranges.
CREATE FUNCTION projection.both_clocks(revision_from bigint, revision_to bigint, effective_from date, effective_to date)
    RETURNS box LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN box(point(revision_from, effective_from - date '1970-01-01'),
               point(coalesce(revision_to, 1e15) - 0.5, coalesce(effective_to - date '1970-01-01', 1e9) - 0.5));

-- the point (N, D) as a box of no size: GiST's box operator class answers box @> box
CREATE FUNCTION projection.clock_point(revision bigint, effective date)
    RETURNS box LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN box(point(revision, effective - date '1970-01-01'), point(revision, effective - date '1970-01-01'));

CREATE INDEX body_version_both_clocks_idx ON projection.body_version
    USING gist (projection.both_clocks(revision_from, revision_to, effective_from, effective_to))
    WHERE status = 'ACTIVE';

-- what it supersedes: each clock's range on its own (V420, V800), used by no other query
DROP INDEX projection.body_version_active_revision_range_idx;
DROP INDEX projection.body_version_active_effective_range_idx;
