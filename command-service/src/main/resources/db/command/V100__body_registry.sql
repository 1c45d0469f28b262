-- Command-side lookup for rules that span bodies (unique names among active bodies, one active
-- area team per district). Kept by the command-service in the same transaction as the events,
-- never read from the query-service.
CREATE TABLE registry.body_registry (
    body_id    varchar(64)  PRIMARY KEY,
    name       varchar(300) NOT NULL,
    area_team_district varchar(100),
    active     boolean      NOT NULL,
    reports_to varchar(64)
);
CREATE UNIQUE INDEX body_registry_active_name_uq ON registry.body_registry (lower(name)) WHERE active;
CREATE UNIQUE INDEX body_registry_active_area_team_uq ON registry.body_registry (lower(area_team_district)) WHERE active AND area_team_district IS NOT NULL;
