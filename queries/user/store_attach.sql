-- name: user/store_attach
-- question: Open the DuckDB user store's file for one statement or transaction, in the process's one in-memory DuckDB (opening the file as a database of its own cost 15–20 ms a time; attached, about 2 ms).
-- grain: attaches one database
-- params: path varchar
-- columns: (none)
attach $path as user_store
