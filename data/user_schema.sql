-- What users add: kept in its own store (a DuckDB file, or PostgreSQL shared by replicas) so that rebuilding the
-- seed database never loses it. Written to run in both.
create table if not exists saved_scenario (
    name         varchar primary key,
    inputs       json not null,
    outputs      json not null,
    created_at   timestamp not null,
    updated_at   timestamp not null,
    data_version varchar not null,        -- seed fingerprint of the database the outputs were computed from
    data_as_of   date not null,
    deleted_at   timestamp,               -- set by "Ta bort"; cleared by "Ångra"; a deleted scenario is not listed
    created_by   varchar,                 -- who saved it, and who last renamed, deleted or restored it
    updated_by   varchar
);

-- Every import, in order; the seed database is rebuilt as seeds + a replay of these rows.
create table if not exists import_log (
    import_id      integer primary key,
    imported_at    timestamp not null,
    kind           varchar not null,
    file_name      varchar not null,
    file_sha256    varchar not null,
    rows_added     integer not null,
    rows_changed   integer not null,
    rows_unchanged integer not null,
    who            varchar not null,
    detected       varchar not null,
    source_dated   date,                  -- the date the file's facts are stated for ("uppgifter per")
    undone_at      timestamp,             -- an undone import stays in the log and is no longer replayed
    undone_by      varchar
);

create table if not exists import_row (
    import_id  integer not null references import_log (import_id),
    row_number integer not null,
    record     json not null,
    primary key (import_id, row_number)
);

-- Förvaltningens förslag till beslut, as förvaltare write it for the board pack: every save is a new version and
-- none is ever changed or deleted, so the pack's proposal always has a who and a when, and so do the earlier ones.
create table if not exists decision_proposal (
    version       integer primary key,   -- 1, 2, 3, … in the order saved; the highest is the proposal shown
    proposal_text varchar not null,      -- exactly as written (line breaks as \n), checked by dashboard/proposal.py
    saved_at      timestamp not null,
    saved_by      varchar not null
);

-- Stores made before scenarios could be restored and imports undone, and before writes said who made them.
alter table saved_scenario add column if not exists deleted_at timestamp;
alter table saved_scenario add column if not exists created_by varchar;
alter table saved_scenario add column if not exists updated_by varchar;
alter table import_log add column if not exists undone_at timestamp;
alter table import_log add column if not exists undone_by varchar;

-- Goal follow-up as the city reports it in ILS: nämndmål with the indicators that follow them, årsmål (a changed
-- target is a new row, never an edit), bedömning and analys per period (every save a new version), and reported
-- periods (what was reported, kept as reported; an unlock is recorded, never a delete).
create table if not exists goal (
    goal_id    integer primary key,
    goal_text  varchar not null,
    dnr        varchar,
    decided_by varchar,
    decided_on date,
    created_at timestamp not null,
    created_by varchar not null
);

create table if not exists goal_indicator (
    goal_id   integer not null references goal (goal_id),
    indicator varchar not null,
    measure   varchar not null,
    primary key (goal_id, indicator, measure)
);

create table if not exists annual_target (
    target_id    integer primary key,
    indicator    varchar not null,
    measure      varchar not null,
    year         integer not null,
    target_value double precision not null,
    direction    varchar not null,        -- 'higher' or 'lower': which way is better
    dnr          varchar,
    decided_by   varchar,
    decided_on   date,
    valid_from   date not null,           -- the decision's date, or the year's first day when none is given
    saved_at     timestamp not null,
    saved_by     varchar not null
);

create table if not exists assessment (
    indicator  varchar not null,
    measure    varchar not null,
    period     varchar not null,          -- '2020-T1', '2020-T2', '2020-helår'
    version    integer not null,          -- 1, 2, …: a save names the version it read, and is refused if another came
    bedomning  varchar not null,          -- 'helt', 'delvis', 'inte' or 'ej-bedomd'
    analys     varchar not null,
    confirmed  boolean not null,          -- by a förvaltare; a planerare's save is a draft
    saved_at   timestamp not null,
    saved_by   varchar not null,
    primary key (indicator, measure, period, version)
);

create table if not exists period_report (
    report_id     integer primary key,
    period        varchar not null,
    report_json   varchar not null,       -- the rows as reported, exactly as the exports are written from them
    locked_at     timestamp not null,
    locked_by     varchar not null,
    reason        varchar,
    unlocked_at   timestamp,
    unlocked_by   varchar,
    unlock_reason varchar
);

-- An evaluation's recommendation followed up as an aktivitet: owner, start, deadline and status as a förvaltare
-- sets them (every save a new version; the latest is shown), optionally under a nämndmål.
create table if not exists activity (
    recommendation_id varchar not null,
    version           integer not null,
    goal_id           integer,
    status            varchar not null,   -- 'Ej påbörjad', 'Påbörjad', 'Genomförd', 'Försenad' or 'Avförd'
    owner             varchar,
    start_on          date,
    deadline          date,
    saved_at          timestamp not null,
    saved_by          varchar not null,
    primary key (recommendation_id, version)
);

-- Erasing one supporter's imported rows (`python -m dashboard erase-supporter`): the rows are deleted, the imports
-- they came from count them (so every replica rebuilds), and the act is logged without the supporter's code.
alter table import_log add column if not exists rows_erased integer;
create table if not exists erasure_log (
    erasure_id   integer primary key,
    erased_at    timestamp not null,
    erased_by    varchar not null,
    reason       varchar not null,
    rows_removed integer not null
);
