-- Every column placements_per_stadsdel reads, aggregated so the data is really read (no joins: the floor).
select
    (select [min(placement_id), max(supporter_id), max(unit_id), max(source_id), max(basis)]::varchar[]
        || [min(start_date)::varchar, max(end_date)::varchar, sum(fte_share)::varchar] from placement),
    (select [max(unit_id), max(area_id), max(unit_type)] from unit),
    (select [max(area_id), max(name), max(area_kind)] from area),
    (select [max(placement_id), min(start_date)::varchar, max(end_date)::varchar, max(source_id)] from absence)
