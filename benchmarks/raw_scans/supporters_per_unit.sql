-- Every column supporters_per_unit reads, aggregated so the data is really read (no joins: the floor).
select
    (select [min(placement_id), max(supporter_id), max(unit_id), max(source_id), max(basis),
        min(start_date)::varchar, max(end_date)::varchar] from placement),
    (select [max(unit_id), max(name), max(unit_type), max(area_id)] from unit),
    (select [max(area_id), max(name), max(area_kind)] from area),
    (select [max(placement_id), min(start_date)::varchar, max(end_date)::varchar] from absence)
