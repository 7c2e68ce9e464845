-- What users add: kept in its own database file so that rebuilding the seed database never loses it.
create table if not exists saved_scenario (
    name         varchar primary key,
    inputs       json not null,
    outputs      json not null,
    created_at   timestamp not null,
    updated_at   timestamp not null,
    data_version varchar not null,        -- seed fingerprint of the database the outputs were computed from
    data_as_of   date not null
);
