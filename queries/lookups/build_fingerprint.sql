-- name: lookups/build_fingerprint
-- question: Which seeds and imports was this database built from?
-- grain: one row
-- params: (inga)
-- columns: seed_fingerprint
select seed_fingerprint from build_info
