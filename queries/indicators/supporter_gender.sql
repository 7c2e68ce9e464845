-- name: indicators/supporter_gender
-- question: How many supporters of each gender do the sources report, and do they agree?
-- grain: one row per source, observation date, scope and gender, observed on or before as_of
-- params: as_of date
-- columns: observed_on, scope, gender, supporters, total_by_gender, stated_total, consistent, conflict_id,
--   source, basis, as_of
-- Sources are kept side by side; a row is inconsistent when its genders do not add up to the total
-- the same sentence states.
with counts as (
    select *,
        sum(supporters) over (partition by source_id, observed_on, scope) as total_by_gender,
    from supporter_gender_count
    where observed_on <= $as_of
)

select
    c.observed_on, c.scope, c.gender, c.supporters, c.total_by_gender, c.stated_total,
    c.stated_total is null or c.stated_total = c.total_by_gender as consistent,
    (select string_agg(k.conflict_id, ', ' order by k.conflict_id)
        from source_conflict as k
        where k.fact_table = 'supporter_gender_count' and c.source_id in (k.source_a, k.source_b)) as conflict_id,
    c.source_id as source,
    c.basis,
    $as_of::date as as_of,
from counts as c
order by c.observed_on, c.source_id, c.gender
