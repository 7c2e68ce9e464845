-- name: user/proposal_save
-- question: Store a new version of the proposal for a decision, numbered after the last, with who saved it and when.
-- grain: writes one row into decision_proposal, or none when another save took the same number at the same moment
-- params: text varchar, now timestamp, who varchar
-- columns: version
-- Numbered in the statement itself, so two replicas saving at once never share a number: the one that loses the race
-- writes nothing (no row returned) and is asked again by the caller.
insert into decision_proposal (version, proposal_text, saved_at, saved_by)
select coalesce(max(version), 0) + 1, $text, $now, $who
from decision_proposal
on conflict do nothing
returning version
