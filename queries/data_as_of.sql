-- name: data_as_of
-- question: What is the latest date the data covers (the dashboard's "now")?
-- grain: one row
-- params: (inga)
-- columns: data_as_of, rule
-- The latest date any source gives for itself; imported files add their own dated source rows.
select
    max(dated) as data_as_of,
    'Senaste datum som någon källa anger för sig själv' as rule,
from source
