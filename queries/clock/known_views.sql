-- name: clock/known_views
-- question: The seed database as known on the known-on date: every fact table with only the rows whose source
--   was known by then, under the tables' own names, so that every query reads "what held on as_of, as known on
--   known_on" without a word changed.
-- grain: creates temporary views for the cursor that asks (after clock/known_sources)
-- params: (none)
-- columns: (none)
-- A funding agreement stated by a known source keeps its decision date only where that date's source was known,
-- and its planned decision only where the plan's source was. A conflict is known when both its sides are.
-- `area` is the city's list of districts, not a fact about the programme: it is not filtered.
create temp view source as
select * from seed.main.source where source_id in (select source_id from known_source);
create temp view unit as
select * from seed.main.unit where source_id in (select source_id from known_source);
create temp view supporter as
select * from seed.main.supporter where source_id in (select source_id from known_source);
create temp view placement as
select * from seed.main.placement where source_id in (select source_id from known_source);
create temp view absence as
select * from seed.main.absence where source_id in (select source_id from known_source);
create temp view unit_observation as
select * from seed.main.unit_observation where source_id in (select source_id from known_source);
create temp view supporter_gender_count as
select * from seed.main.supporter_gender_count where source_id in (select source_id from known_source);
create temp view reported_figure as
select * from seed.main.reported_figure where source_id in (select source_id from known_source);
create temp view funding_statement as
select * from seed.main.funding_statement where source_id in (select source_id from known_source);
create temp view funding_agreement as
select * replace (
        case when decision_source_id in (select source_id from known_source) then decided_on end as decided_on,
        case when decision_source_id in (select source_id from known_source) then decision_source_id end
            as decision_source_id,
        case when planned_decision_source_id in (select source_id from known_source) then planned_decision end
            as planned_decision,
        case when planned_decision_source_id in (select source_id from known_source) then planned_decision_source_id end
            as planned_decision_source_id
    )
from seed.main.funding_agreement where source_id in (select source_id from known_source);
create temp view evaluation as
select * from seed.main.evaluation where source_id in (select source_id from known_source);
create temp view finding as
select * from seed.main.finding where source_id in (select source_id from known_source);
create temp view recommendation as
select * from seed.main.recommendation where source_id in (select source_id from known_source);
create temp view recommendation_status as
select * from seed.main.recommendation_status where source_id in (select source_id from known_source);
create temp view survey as
select * from seed.main.survey where source_id in (select source_id from known_source);
create temp view survey_question as
select * from seed.main.survey_question where source_id in (select source_id from known_source);
create temp view survey_option as
select * from seed.main.survey_option where source_id in (select source_id from known_source);
create temp view survey_result as
select * from seed.main.survey_result where source_id in (select source_id from known_source);
create temp view survey_response as
select * from seed.main.survey_response where source_id in (select source_id from known_source);
create temp view source_conflict as
select * from seed.main.source_conflict
where source_a in (select source_id from known_source) and source_b in (select source_id from known_source);
create temp view decision_fact as
select * from seed.main.decision_fact where source_id in (select source_id from known_source);
create temp view data_gap as
select * from seed.main.data_gap where source_id in (select source_id from known_source);
