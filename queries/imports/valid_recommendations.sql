-- name: imports/valid_recommendations
-- question: Which recommendations can a follow-up name, and what is each one's latest status?
-- grain: one row per recommendation
-- params: (inga)
-- columns: recommendation_id, evaluation_id, theme, text, latest_status, latest_status_date
select r.recommendation_id, r.evaluation_id, r.theme, r.text,
    arg_max(s.status, s.status_date) as latest_status, max(s.status_date) as latest_status_date,
from recommendation as r left join recommendation_status as s using (recommendation_id)
group by all
order by r.recommendation_id
