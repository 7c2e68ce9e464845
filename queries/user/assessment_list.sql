-- name: user/assessment_list
-- question: The latest bedömning and analys of every indicator's measure and period, with who saved it and when.
-- grain: one row per indicator, measure and period (its highest version)
-- params: (inga)
-- columns: indicator, measure, period, version, bedomning, analys, confirmed, saved_at, saved_by
select a.indicator, a.measure, a.period, a.version, a.bedomning, a.analys, a.confirmed, a.saved_at, a.saved_by
from assessment as a
where a.version = (select max(b.version) from assessment as b
                   where b.indicator = a.indicator and b.measure = a.measure and b.period = a.period)
order by a.period, a.indicator, a.measure
