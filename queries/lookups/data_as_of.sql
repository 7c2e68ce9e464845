-- name: lookups/data_as_of
-- question: What is the latest date the data covers (the dashboard's "now"), and which build is this?
-- grain: one row
-- params: (inga)
-- columns: data_as_of, rule, data_version, synthetic
-- The latest date any source gives for itself; data_version is the fingerprint of the seeds it was built from;
-- synthetic is true in a database made by `python -m dashboard synth`.
select
    max(dated) as data_as_of,
    'Senaste datum som någon källa anger för sig själv' as rule,
    (select seed_fingerprint from build_info) as data_version,
    (select synthetic from build_info) as synthetic,
from source
