-- Where the Kafka-fed tracking processors keep their position (partition offsets).
create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

-- Kafka delivers at least once: each processor applies an event id once, in the same transaction
-- as the projection change.
create table processed_event (
    processor_name varchar(255) not null,
    event_id       varchar(255) not null,
    processed_at   timestamptz  not null default now(),
    primary key (processor_name, event_id)
);
