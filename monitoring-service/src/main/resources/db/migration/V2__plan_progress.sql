create table plan_progress (
    plan_id         varchar(64)  not null primary key,
    school_name     varchar(300),
    school_code     varchar(64),
    school_type     varchar(32),
    managing_unit   text[]       not null default '{}',
    document_number varchar(64),
    school_year     varchar(9)   not null,
    framework_id    varchar(32)  not null,
    status          varchar(16)  not null,
    updated_at      timestamptz  not null
);

create table item_progress (
    plan_id             varchar(64)  not null references plan_progress (plan_id),
    item_id             varchar(64)  not null,
    position            integer      not null,
    criterion_code      varchar(16)  not null,
    level_group         varchar(32)  not null,
    target_result       text,
    lead                text,
    start_month         date,
    end_month           date,
    budget_planned      bigint,
    status              varchar(32)  not null default 'CHUA_THUC_HIEN',
    percent             integer,
    amount_spent        bigint,
    evidence_codes      text[]       not null default '{}',
    last_effective_date date,
    last_updated_at     timestamptz,
    last_updated_by     varchar(300),
    removed             boolean      not null default false,
    primary key (plan_id, item_id)
);

create table report_submission (
    plan_id      varchar(64)  not null references plan_progress (plan_id),
    period       varchar(16)  not null,
    revision     integer      not null,
    submitted_at timestamptz  not null,
    submitted_by varchar(300),
    primary key (plan_id, period, revision)
);
