-- name: checks/over_full_time
-- question: Which supporter is placed over full time on some day, in the database as built (seeds and imports)?
-- grain: one row per supporter and placement start day on which the known working-time shares add up to more
--        than full time (a day a placement starts is the only kind of day a sum can grow on)
-- params: (inga)
-- columns: supporter_id, day, total_share
-- The same rule an import's rows are checked by (`import_overlaps`), here over every row, so that an undo that
-- leaves a supporter at 150 % is refused.
with start_days as (
    select distinct supporter_id, start_date as day
    from placement
    where fte_share is not null
),

totals as (
    select d.supporter_id, d.day, sum(p.fte_share) as total_share,
    from start_days as d
    join placement as p
        on p.supporter_id = d.supporter_id
        and p.start_date <= d.day
        and (p.end_date is null or p.end_date >= d.day)
    where p.fte_share is not null
    group by d.supporter_id, d.day
)

select supporter_id, day, total_share,
from totals
where total_share > 1.000000001
order by supporter_id, day
