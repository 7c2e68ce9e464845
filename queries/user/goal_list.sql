-- name: user/goal_list
-- question: Which nämndmål are there, and which indicators' measures follow each?
-- grain: one row per goal and linked measure, in the order the goals were added and the measures linked
-- params: (inga)
-- columns: goal_id, goal_text, dnr, decided_by, decided_on, created_at, created_by, indicator, measure
select g.goal_id, g.goal_text, g.dnr, g.decided_by, g.decided_on, g.created_at, g.created_by, l.indicator, l.measure
from goal as g
join goal_indicator as l on l.goal_id = g.goal_id
order by g.goal_id, l.indicator, l.measure
