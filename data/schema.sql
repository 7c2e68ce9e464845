-- Schema of the PEER support database (DuckDB).
-- Every fact table carries source_id (the document), source_ref (where in it), basis and rule:
--   documented = the document states the value; derived = computed from documented values by `rule`;
--   unknown    = the document does not say (the value column is NULL) and `rule` says what is missing.
-- Tables are created in dependency order; the seed loader fills them in this order too.

create table source (
    source_id     varchar primary key,
    title         varchar not null,
    organisation  varchar not null,
    author        varchar,
    doc_type      varchar not null,
    dated         date,                       -- latest date the document gives for itself; NULL when undated
    date_note     varchar not null,           -- how `dated` was read (or why it is missing)
    dnr           varchar,
    seed_file     varchar,                    -- file in shared/seeds, NULL for documents only cited by others
    note          varchar
);

create table area (
    area_id    varchar primary key,
    name       varchar not null unique,
    area_kind  varchar not null check (area_kind in ('stadsdel', 'central')),
    source_id  varchar not null references source (source_id),
    source_ref varchar not null,
    basis      varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule       varchar
);

create table unit (
    unit_id    varchar primary key,
    name       varchar not null,
    name_published boolean not null,          -- false: the documents do not name the unit
    unit_type  varchar not null check (unit_type in (
        'sysselsättning', 'träfflokal', 'stödboende', 'Bostad först',
        'försöks- och träningslägenheter', 'aktivitetshus', 'arbetsmarknadsinsats', 'okänd')),
    area_id    varchar not null references area (area_id),
    owner      varchar not null,              -- the administration that runs the unit
    source_id  varchar not null references source (source_id),
    source_ref varchar not null,
    basis      varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule       varchar,
    check (basis = 'documented' or rule is not null)
);

create table supporter (
    supporter_id varchar primary key,          -- pseudonymous code, never a name
    employer     varchar not null,
    source_id    varchar not null references source (source_id),
    source_ref   varchar not null,
    basis        varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule         varchar,
    check (basis = 'documented' or rule is not null)
);

-- A placement is an interval a document gives (or an import states): a start and, where known, an end.
-- What a document reports about a date or period without giving an interval is a unit_observation instead.
create table placement (
    placement_id varchar primary key,
    supporter_id varchar not null references supporter (supporter_id),
    unit_id      varchar not null references unit (unit_id),
    start_date   date not null,
    end_date     date,                         -- NULL: no documented end
    fte_share    double check (fte_share > 0 and fte_share <= 1),   -- NULL: not published
    source_id    varchar not null references source (source_id),
    source_ref   varchar not null,
    basis        varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule         varchar,
    check (end_date is null or end_date >= start_date),
    check (basis = 'documented' or rule is not null)
);

create table absence (
    absence_id   varchar primary key,
    placement_id varchar not null references placement (placement_id),
    kind         varchar not null check (kind in ('sjukskrivning', 'tjänstledighet', 'annan')),
    start_date   date not null,
    end_date     date,                         -- NULL: no documented end
    source_id    varchar not null references source (source_id),
    source_ref   varchar not null,
    basis        varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule         varchar,
    check (end_date is null or end_date >= start_date),
    check (basis = 'documented' or rule is not null)
);

-- What a source reports about a unit at a date or over a period ("Farsta had peer support in June 2019"):
-- an observation, not an interval. It answers for dates from period_start on; past period_end it is the
-- latest known state ("senast känt") until a later observation replaces it. supporters_high NULL: at least
-- supporters_low, upper bound not published; 0 and 0: the source's list shows the unit had none.
create table unit_observation (
    observation_id  varchar primary key,
    unit_id         varchar not null references unit (unit_id),
    period_start    date not null,
    period_end      date not null,
    refers_to       varchar not null,           -- the date or period as the document writes it
    supporters_low  integer not null check (supporters_low >= 0),
    supporters_high integer check (supporters_high >= supporters_low),
    source_id       varchar not null references source (source_id),
    source_ref      varchar not null,
    basis           varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule            varchar,
    check (period_end >= period_start),
    check (basis = 'documented' or rule is not null)
);

create table supporter_gender_count (
    count_id     varchar primary key,
    observed_on  date not null,
    scope        varchar not null,             -- what was counted: 'anställda hittills', 'anställda nu'
    gender       varchar not null check (gender in ('kvinna', 'man', 'annat', 'okänt')),
    supporters   integer not null check (supporters >= 0),
    stated_total integer check (stated_total >= 0),  -- total the same sentence states, if any
    source_id    varchar not null references source (source_id),
    source_ref   varchar not null,
    basis        varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule         varchar
);

create table reported_figure (
    figure_id    varchar primary key,
    topic        varchar not null,
    measure      varchar not null,
    value_low    double,                        -- a single value has value_low = value_high
    value_high   double,
    unit_of_measure varchar not null,
    refers_to    varchar not null,              -- the date or period the figure describes, as written
    period_start date,                          -- the reference period the figure describes (NULL: undated);
    observed_on  date,                          -- observed_on is its end, the figure's reference date
    headcount_measure varchar check (headcount_measure in ('supporters', 'units', 'districts')),
    area_id      varchar references area (area_id),
    source_id    varchar not null references source (source_id),
    source_ref   varchar not null,
    basis        varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule         varchar,
    check (value_low is null or value_high is null or value_low <= value_high),
    check ((period_start is null) = (observed_on is null) and (period_start is null or period_start <= observed_on)),
    check (headcount_measure is null or observed_on is not null),
    check (basis = 'documented' or rule is not null)
);

create table funding_agreement (
    agreement_id varchar primary key,
    dnr          varchar,
    funder       varchar not null,
    recipient    varchar not null,
    funding_kind varchar not null,
    amount_sek   bigint check (amount_sek >= 0),    -- NULL: not published
    period_start date not null,
    period_end   date not null,
    status       varchar not null check (status in ('decided', 'expected', 'unknown')),
    decided_on   date,
    decision_source_id varchar references source (source_id),
    decision_basis varchar check (decision_basis in ('documented', 'derived', 'unknown')),
    decision_rule  varchar,
    planned_decision varchar,                  -- a decision a document foresees, as written: a plan, not a date
    planned_decision_source_id varchar references source (source_id),
    source_id    varchar not null references source (source_id),
    source_ref   varchar not null,
    basis        varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule         varchar,
    check (period_end >= period_start),
    check (basis = 'documented' or rule is not null)
);

-- A document's own statement that funding is decided up to a date ("beslut om finansieringsmedel fram till och med
-- mars 2020", 004, December 2019): usable from the date it describes, whether or not an agreement with that end is
-- published. Not an agreement: it adds to how long funding is secured, never to the agreements counted.
create table funding_statement (
    statement_id  varchar primary key,
    decided_until date not null,
    stated_on     date not null,       -- the present of the statement: from this date it is known to hold
    text          varchar not null,
    source_id     varchar not null references source (source_id),
    source_ref    varchar not null,
    basis         varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule          varchar,
    check (basis = 'documented' or rule is not null)
);

create table evaluation (
    evaluation_id varchar primary key,
    round         integer check (round >= 1),    -- NULL: outside the city's series of three
    title         varchar not null,
    author        varchar not null,
    published     varchar not null,              -- as written: '2019-06', '2018'
    method        varchar not null,
    interviews    integer check (interviews >= 0),
    respondents   integer check (respondents >= 0),
    respondents_note varchar,
    source_id     varchar not null references source (source_id),
    source_ref    varchar not null,
    basis         varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule          varchar
);

create table finding (
    finding_id    varchar primary key,
    evaluation_id varchar not null references evaluation (evaluation_id),
    theme         varchar not null,
    text          varchar not null,
    source_id     varchar not null references source (source_id),
    source_ref    varchar not null,
    basis         varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule          varchar
);

create table recommendation (
    recommendation_id varchar primary key,
    evaluation_id varchar not null references evaluation (evaluation_id),
    theme         varchar not null,
    text          varchar not null,
    indicator     varchar,                       -- the indicator that measures it, where one does
    source_id     varchar not null references source (source_id),
    source_ref    varchar not null,
    basis         varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule          varchar
);

create table recommendation_status (
    status_id     varchar primary key,
    recommendation_id varchar not null references recommendation (recommendation_id),
    status        varchar not null check (status in ('ej påbörjad', 'planerad', 'pågående', 'genomförd', 'okänd')),
    status_date   date not null,
    note          varchar,
    source_id     varchar not null references source (source_id),
    source_ref    varchar not null,
    basis         varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule          varchar
);

create table survey (
    survey_id     varchar primary key,
    title         varchar not null,
    scope         varchar,                       -- what the users are asked about ('personligt ombud'); NULL: not stated
    area_id       varchar references area (area_id),
    fieldwork     varchar not null,              -- as written
    fieldwork_start date not null,
    fieldwork_end   date not null,               -- results count from this date on, never before
    forms_printed integer check (forms_printed >= 0),
    population    integer not null check (population >= 0),
    excluded      integer not null check (excluded >= 0),
    declined      integer not null check (declined >= 0),
    handed_out    integer not null check (handed_out >= 0),
    answered      integer not null check (answered >= 0),
    published_response_rate double check (published_response_rate between 0 and 1),
    published_dropout_rate  double check (published_dropout_rate between 0 and 1),
    source_id     varchar not null references source (source_id),
    source_ref    varchar not null,
    basis         varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule          varchar,
    check (answered <= handed_out and handed_out <= population),
    check (fieldwork_end >= fieldwork_start)
);

create table survey_question (
    question_id   varchar primary key,
    survey_id     varchar not null references survey (survey_id),
    position      integer not null,
    text          varchar not null,
    multiple_choice boolean not null,
    source_id     varchar not null references source (source_id),
    source_ref    varchar not null,
    basis         varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule          varchar,
    unique (survey_id, position)
);

create table survey_option (
    option_id     varchar primary key,
    question_id   varchar not null references survey_question (question_id),
    position      integer not null,
    text          varchar not null,
    free_text     boolean not null,              -- "Annat, vad?" options
    source_id     varchar not null references source (source_id),
    source_ref    varchar not null,
    basis         varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule          varchar,
    unique (question_id, position)
);

-- Published shares, exactly as published: share_published with its wording and precision.
-- `selected` is a count only where the document gives one or exactly one count out of N matches (basis derived).
create table survey_result (
    result_id       varchar primary key,
    option_id       varchar not null references survey_option (option_id),
    respondents     integer not null check (respondents > 0),
    selected        integer check (selected >= 0 and selected <= respondents),
    share_published double check (share_published between 0 and 1),
    share_wording   varchar not null,
    share_precision double not null check (share_precision > 0),  -- 0.01 = whole percent
    source_id       varchar not null references source (source_id),
    source_ref      varchar not null,
    basis           varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule            varchar,
    check (basis = 'documented' or rule is not null)
);

-- Respondent-level answers, imported later: one row per respondent and chosen option.
create table survey_response (
    survey_id     varchar not null references survey (survey_id),
    respondent_id varchar not null,
    option_id     varchar not null references survey_option (option_id),
    source_id     varchar not null references source (source_id),
    primary key (survey_id, respondent_id, option_id)
);

create table source_conflict (
    conflict_id  varchar primary key,
    topic        varchar not null,
    fact_table   varchar not null,              -- the table whose rows disagree
    value_a      varchar not null,
    source_a     varchar not null references source (source_id),
    ref_a        varchar not null,
    value_b      varchar not null,
    source_b     varchar not null references source (source_id),
    ref_b        varchar not null,
    note         varchar not null
);

-- What the documents state that a funding decision needs and no other table holds: risks, follow-up,
-- plans, context. period_start/period_end: the time the statement is about (NULL: undated context).
create table decision_fact (
    fact_id      varchar primary key,
    topic        varchar not null,
    text         varchar not null,
    refers_to    varchar not null,
    period_start date,
    period_end   date,
    is_plan      boolean not null,              -- a plan or intention, not a decision or a state
    source_id    varchar not null references source (source_id),
    source_ref   varchar not null,
    basis        varchar not null check (basis in ('documented', 'derived', 'unknown')),
    rule         varchar,
    check (basis = 'documented' or rule is not null)
);

create table data_gap (
    gap_id     varchar primary key,
    topic      varchar not null,
    missing    varchar not null,
    source_id  varchar not null references source (source_id),
    source_ref varchar not null
);

-- Rules the indicators share, written once here rather than copied into each query (issue 26).
-- 'Aktuell' (formatting.CURRENT_RULE says it in Swedish): within the observed period, or up to stale_days after an
-- observation of a day or a month; a figure about a longer period ('under 2018') says nothing about the time after.
create macro is_current(period_start, period_end, as_of, stale_days) as
    period_end >= as_of
    or (datediff('day', period_start, period_end) <= 31 and datediff('day', period_end, as_of) <= stale_days);

-- Decided by a date: a published decision date on or before it; with none published, the period had begun (the
-- agreement was in force) or a document dated by then states it.
create macro decided_by(status, decided_on, period_start, stated_on, as_of) as
    status = 'decided' and coalesce(decided_on <= as_of, period_start <= as_of or stated_on <= as_of, false);

-- An area filter, given by id or by name; NULL: every area.
create macro in_area(area_id, area_name, wanted) as wanted is null or area_id = wanted or area_name = wanted;
