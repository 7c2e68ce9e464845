-- name: indicators/source_conflicts
-- question: Where do the sources disagree, with both values and both sources, as known on the date?
-- grain: one row per recorded conflict whose two documents both exist on the date (an undated document counts
--   as existing: nothing places it later)
-- params: as_of date
-- columns: conflict_id, topic, value_a, source_a, ref_a, value_b, source_b, ref_b, note, sources
with dated as (
    select source_id, dated from source
)

select
    c.conflict_id, c.topic, c.value_a, c.source_a, c.ref_a, c.value_b, c.source_b, c.ref_b, c.note,
    c.source_a || ', ' || c.source_b as sources,
from source_conflict as c
join dated as a on a.source_id = c.source_a
join dated as b on b.source_id = c.source_b
where coalesce(a.dated, $as_of) <= $as_of and coalesce(b.dated, $as_of) <= $as_of
order by c.conflict_id
