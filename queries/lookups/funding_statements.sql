-- name: lookups/funding_statements
-- question: Which documents' own statements of decided funding hold on the as-of date?
-- grain: one row per statement made on or before the date that runs to the date or later
-- params: as_of date
-- columns: decided_until, stated_on, text, source_id, dated
select f.decided_until, f.stated_on, f.text, f.source_id, s.dated,
from funding_statement as f
join source as s using (source_id)
where f.stated_on <= $as_of and f.decided_until >= $as_of
order by f.decided_until desc, f.statement_id
