-- name: clock/known_sources
-- question: Which sources could be known on the known-on date (dated on or before it, or undated)?
-- grain: writes one temporary table of source ids, for the cursor that asks
-- params: known_on date
-- columns: (none)
-- An undated source (the NSPH deck, reports cited by year) cannot be placed after any date: it counts as known.
create temp table known_source as
select source_id from seed.main.source where dated is null or dated <= $known_on
