-- name: user/goal_link
-- question: Link a nämndmål to an indicator's measure that follows it.
-- grain: writes one row into goal_indicator
-- params: goal_id integer, indicator varchar, measure varchar
-- columns: (inga)
insert into goal_indicator (goal_id, indicator, measure)
values ($goal_id, $indicator, $measure)
