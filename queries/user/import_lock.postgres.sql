-- name: user/import_lock.postgres
-- question: Wait until no other replica imports (a session-level advisory lock, held until unlocked or closed).
-- grain: one row
-- params: key bigint
-- columns: pg_advisory_lock
select pg_advisory_lock($key)
