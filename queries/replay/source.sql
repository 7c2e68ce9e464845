-- name: replay/source
-- question: Register every imported file as a source (IMP0001, …), so its rows stay traceable.
-- grain: writes one row into source per import (seed database, during a build)
-- params: (none)
-- columns: (none)
-- Reads `imported_source`, one row per import, staged by `dashboard.store.replay`.
insert into source (source_id, title, organisation, author, doc_type, dated, date_note, dnr, seed_file, note)
select source_id, title, 'Socialförvaltningen (import)', null, 'import', cast(dated as date), date_note, null, null,
    note
from imported_source
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
