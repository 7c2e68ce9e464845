-- name: user/assessment_save
-- question: Store a new version of a period's bedömning and analys, only if the version the writer read is still
--   the latest (an optimistic check: a second writer who read the same version writes nothing).
-- grain: writes one row into assessment, or none when the version read is no longer the latest
-- params: indicator varchar, measure varchar, period varchar, read_version integer, bedomning varchar,
--   analys varchar, confirmed boolean, now timestamp, who varchar
-- columns: version
insert into assessment (indicator, measure, period, version, bedomning, analys, confirmed, saved_at, saved_by)
select cast($indicator as varchar), cast($measure as varchar), cast($period as varchar), $read_version + 1,
    $bedomning, $analys, $confirmed, $now, $who
where (select coalesce(max(version), 0) from assessment
       where indicator = cast($indicator as varchar) and measure = cast($measure as varchar)
           and period = cast($period as varchar)) = $read_version
on conflict do nothing
returning version
