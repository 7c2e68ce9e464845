-- name: replay/supporter
-- question: Register a pseudonymous supporter code first seen in an imported placement.
-- grain: writes at most one row into supporter
-- params: supporter_id varchar, source_id varchar, source_ref varchar
-- columns: (none)
insert or ignore into supporter (supporter_id, employer, source_id, source_ref, basis, rule)
values ($supporter_id, 'NSPH Stockholms län', $source_id, $source_ref, 'documented', null)
