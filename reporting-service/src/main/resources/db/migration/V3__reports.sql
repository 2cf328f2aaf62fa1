-- Each submitted report revision, frozen as the plan stood at its ReportSubmitted event.
create table report_snapshot (
    plan_id      varchar(64) not null,
    period       varchar(16) not null,
    revision     integer     not null,
    sequence     bigint      not null,
    submitted_on date,
    recorded_at  timestamptz not null,
    content      jsonb       not null,
    primary key (plan_id, period, revision)
);

-- Which plans exist, under which unit, for the submission tracker.
create table plan_directory (
    plan_id       varchar(64)  not null primary key,
    school_name   varchar(300),
    managing_unit text[]       not null default '{}',
    school_year   varchar(9)   not null,
    framework_id  varchar(32)  not null,
    approved      boolean      not null default false
);
create index plan_directory_unit on plan_directory using gin (managing_unit);
