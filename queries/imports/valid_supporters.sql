-- name: imports/valid_supporters
-- question: Which peer supporters' codes are in use, and where is each placed?
-- grain: one row per supporter code
-- params: (inga)
-- columns: supporter_id, placements, units, first_start, last_start
-- A code not in this list registers a new supporter when imported.
select s.supporter_id, count(p.placement_id) as placements,
    string_agg(distinct p.unit_id, ', ' order by p.unit_id) as units,
    min(p.start_date) as first_start, max(p.start_date) as last_start,
from supporter as s left join placement as p using (supporter_id)
group by s.supporter_id
order by s.supporter_id
