-- name: replay/source
-- question: Register an imported file as a source, so its rows stay traceable.
-- grain: writes one row into source (seed database, during a build)
-- params: source_id varchar, title varchar, dated date, date_note varchar, note varchar
-- columns: (none)
insert into source (source_id, title, organisation, author, doc_type, dated, date_note, dnr, seed_file, note)
values ($source_id, $title, 'Socialförvaltningen (import)', null, 'import', $dated, $date_note, null, null, $note)
on conflict (source_id) do update set
    title = excluded.title,
    organisation = excluded.organisation,
    author = excluded.author,
    doc_type = excluded.doc_type,
    dated = excluded.dated,
    date_note = excluded.date_note,
    dnr = excluded.dnr,
    seed_file = excluded.seed_file,
    note = excluded.note
