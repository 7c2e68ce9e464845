-- name: indicators/data_gaps
-- question: What do the sources leave unknown?
-- grain: one row per recorded gap
-- params: (inga)
-- columns: gap_id, topic, missing, source_ref, sources
select gap_id, topic, missing, source_ref, source_id as sources,
from data_gap
order by topic, gap_id
