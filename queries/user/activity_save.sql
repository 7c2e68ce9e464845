-- name: user/activity_save
-- question: Store a new version of an activity (a recommendation followed up): status, owner, start and deadline.
-- grain: writes one row into activity, or none when another save took the same version at the same moment
-- params: recommendation_id varchar, goal_id integer|null, status varchar, owner varchar|null, start_on date|null,
--   deadline date|null, now timestamp, who varchar
-- columns: version
insert into activity (recommendation_id, version, goal_id, status, owner, start_on, deadline, saved_at, saved_by)
select cast($recommendation_id as varchar), coalesce(max(version), 0) + 1, cast($goal_id as integer), $status,
    cast($owner as varchar), cast($start_on as date), cast($deadline as date), $now, $who
from activity
where recommendation_id = cast($recommendation_id as varchar)
on conflict do nothing
returning version
