-- Every event of every plan, in the plan's own order, as auditors read it.
create table plan_event (
    plan_id        varchar(64)  not null,
    sequence       bigint       not null,
    event_id       varchar(255) not null unique,
    type           varchar(64)  not null,
    effective_date date,
    recorded_at    timestamptz  not null,
    actor          varchar(300),
    correlation_id varchar(255),
    description    text         not null,
    payload        jsonb        not null,
    primary key (plan_id, sequence)
);
