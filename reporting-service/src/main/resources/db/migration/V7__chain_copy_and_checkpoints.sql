-- reporting-service's own copy of each plan's chain: every event with its hashes as plan-service
-- published them. Rows stored before this version have none (they cannot be filled in afterwards).
alter table plan_event add column hash varchar(255), add column previous_hash varchar(255);

-- Signed heads of each plan's chain (topic caitien.plan.checkpoints), as plan-service signed them:
-- created_at is kept as the exact text that was signed.
create table plan_checkpoint (
    plan_id    varchar(255) not null,
    sequence   bigint       not null,
    hash       varchar(255) not null,
    created_at varchar(64)  not null,
    reason     varchar(64)  not null,
    key_id     varchar(255),
    signature  text         not null,
    primary key (plan_id, sequence, created_at, reason)
);

-- Checkpoint records refused (no topic seal, unreadable, signature not plan-service's): kept for the
-- operator, never used.
create table refused_checkpoint (
    topic_partition integer      not null,
    topic_offset    bigint       not null,
    record_key      varchar(255),
    reason          text         not null,
    value           bytea,
    refused_at      timestamptz  not null default now(),
    primary key (topic_partition, topic_offset)
);

-- How far the checkpoints topic has been read: the next offset per partition, committed with the rows.
create table checkpoint_offset (
    topic_partition integer not null primary key,
    next_offset     bigint  not null
);
