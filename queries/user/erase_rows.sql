-- name: user/erase_rows
-- question: Delete every imported row about one supporter (by the pseudonymous code the row carries).
-- grain: deletes rows of import_row; returns one row per deleted row
-- params: supporter varchar
-- columns: import_id
delete from import_row
where record->>'supporter_id' = cast($supporter as varchar)
returning import_id
