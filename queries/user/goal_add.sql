-- name: user/goal_add
-- question: Store a new nämndmål, numbered after the last, with who added it and when.
-- grain: writes one row into goal, or none when another add took the same number at the same moment
-- params: text varchar, dnr varchar|null, decided_by varchar|null, decided_on date|null, now timestamp, who varchar
-- columns: goal_id
-- Numbered in the statement, as the proposal is: the loser of a race writes nothing and the caller asks again.
insert into goal (goal_id, goal_text, dnr, decided_by, decided_on, created_at, created_by)
select coalesce(max(goal_id), 0) + 1, $text, cast($dnr as varchar), cast($decided_by as varchar),
    cast($decided_on as date), $now, $who
from goal
on conflict do nothing
returning goal_id
