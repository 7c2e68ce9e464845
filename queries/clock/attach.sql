-- name: clock/attach
-- question: Open the seed database read-only under one fixed name, so that views can name its tables exactly.
-- grain: attaches one database
-- params: path varchar
-- columns: (none)
attach $path as seed (read_only)
