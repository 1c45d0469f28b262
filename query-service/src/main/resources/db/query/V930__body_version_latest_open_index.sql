-- A processor batch reads each of its bodies' latest open version (OrgChartBatch.loadLatest). A body keeps
-- every version it ever ended in effect open in revision (what it was from one date to the next is still
-- known), so "the open versions of these bodies" was tens of wide rows per body at a long history; ordered
-- by effective_from within the body, the latest is the first row of an index scan.
CREATE INDEX body_version_open_by_date_idx ON projection.body_version (body_id, effective_from) WHERE revision_to IS NULL;
DROP INDEX projection.body_version_current_idx;
