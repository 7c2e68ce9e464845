-- name: user/followup_version
-- question: Has anything in the goal follow-up changed (a goal, a target, an assessment, an activity, a lock or an
--   unlock)?
-- grain: one row; every write adds a row or sets an unlock time, so the counts change with every write
-- params: (inga)
-- columns: goals, targets, assessments, reports, unlocked, activities
select
    (select count(*) from goal_indicator) as goals,
    (select count(*) from annual_target) as targets,
    (select count(*) from assessment) as assessments,
    (select count(*) from period_report) as reports,
    (select count(unlocked_at) from period_report) as unlocked,
    (select count(*) from activity) as activities
