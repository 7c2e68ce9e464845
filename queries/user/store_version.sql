-- name: user/store_version
-- question: Has anything that the seed database is built from changed? A cheap check every replica can make.
-- grain: one row
-- params: (inga)
-- columns: imports, last_import, undone
select count(*) as imports, coalesce(max(import_id), 0) as last_import, count(undone_at) as undone
from import_log
