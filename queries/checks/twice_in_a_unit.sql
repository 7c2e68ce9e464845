-- name: checks/twice_in_a_unit
-- question: Which supporter has two placements in the same unit on the same day, in the database as built?
-- grain: one row per supporter, unit and the first day two of their placements there overlap
-- params: (inga)
-- columns: supporter_id, unit_id, day
with overlapping as (
    select a.supporter_id, a.unit_id, greatest(a.start_date, b.start_date) as day,
    from placement as a
    join placement as b
        on a.supporter_id = b.supporter_id
        and a.unit_id = b.unit_id
        and a.placement_id < b.placement_id
        and a.start_date <= coalesce(b.end_date, b.start_date + interval 1000 year)
        and b.start_date <= coalesce(a.end_date, a.start_date + interval 1000 year)
)

select supporter_id, unit_id, min(day)::date as day,
from overlapping
group by supporter_id, unit_id
order by supporter_id, unit_id
