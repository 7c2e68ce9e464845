-- name: user/proposal_history
-- question: Which versions of the administration's proposal for a decision were saved, by whom and when?
-- grain: one row per saved version, newest first (the first row is the proposal the board pack shows)
-- params: (inga)
-- columns: version, proposal_text, saved_at, saved_by
select version, proposal_text, saved_at, saved_by
from decision_proposal
order by version desc
