-- plan-service's own view of each plan, written in the command's transaction.
create table plan_view (
    plan_id         varchar(64)  not null primary key,
    school_name     varchar(300),
    document_number varchar(64),
    school_year     varchar(9)   not null,
    framework_id    varchar(32)  not null,
    status          varchar(16)  not null,
    item_count      integer      not null default 0,
    updated_at      timestamptz  not null,
    document        jsonb        not null
);
create index plan_view_school_year on plan_view (school_year);
