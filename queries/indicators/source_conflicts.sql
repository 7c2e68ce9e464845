-- name: indicators/source_conflicts
-- question: Where do the sources disagree, with both values and both sources?
-- grain: one row per recorded conflict
-- params: (inga)
-- columns: conflict_id, topic, value_a, source_a, ref_a, value_b, source_b, ref_b, note, sources
select
    conflict_id, topic, value_a, source_a, ref_a, value_b, source_b, ref_b, note,
    source_a || ', ' || source_b as sources,
from source_conflict
order by conflict_id
