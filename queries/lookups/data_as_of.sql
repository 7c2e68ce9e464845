-- name: lookups/data_as_of
-- question: What is the data's own "now", which dates can a user look at, and which build is this?
-- grain: one row
-- params: (inga)
-- columns: data_as_of, now_source_id, now_source_title, first_date, last_date, rule, data_version, synthetic
-- Every date bound of the dashboard comes from this one row, so the date a page opens at can never fall outside
-- the dates a user may choose: data_as_of is the latest date any source (a document or an import's "uppgifter
-- per" date) gives for itself; first_date and last_date span the agreements and placements and always include
-- data_as_of. now_source_* names the source that sets "now" (the latest id on a tie). data_version is the
-- fingerprint of the seeds and imports it was built from; synthetic is true in a database made by `synth`.
with now_source as (
    select source_id, title, dated
    from source
    where dated is not null
    order by dated desc, source_id desc
    limit 1
),

spanned as (
    select period_start as d from funding_agreement
    union all select period_end from funding_agreement
    union all select start_date from placement
    union all select end_date from placement
    union all select dated from now_source
)

select
    n.dated as data_as_of,
    n.source_id as now_source_id,
    n.title as now_source_title,
    (select min(d) from spanned) as first_date,
    (select max(d) from spanned) as last_date,
    'Senaste datum som någon källa anger för sig själv' as rule,
    (select seed_fingerprint from build_info) as data_version,
    (select synthetic from build_info) as synthetic,
from now_source as n
