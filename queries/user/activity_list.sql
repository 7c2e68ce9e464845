-- name: user/activity_list
-- question: The latest version of every activity, with who saved it and when.
-- grain: one row per recommendation that has been followed up as an activity
-- params: (inga)
-- columns: recommendation_id, version, goal_id, status, owner, start_on, deadline, saved_at, saved_by
select a.recommendation_id, a.version, a.goal_id, a.status, a.owner, a.start_on, a.deadline, a.saved_at, a.saved_by
from activity as a
where a.version = (select max(b.version) from activity as b where b.recommendation_id = a.recommendation_id)
order by a.recommendation_id
