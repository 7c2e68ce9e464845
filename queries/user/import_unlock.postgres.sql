-- name: user/import_unlock.postgres
-- question: Let the next import in.
-- grain: one row
-- params: key bigint
-- columns: pg_advisory_unlock
select pg_advisory_unlock($key)
