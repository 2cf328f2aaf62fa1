-- Signed checkpoints of each plan's head (vn.caitien.api.chain.ChainCheckpoint): the event at sequence_number
-- had chain hash "hash". Signed with a key that is not in this database and published on Kafka
-- (caitien.plan.checkpoints), so deleting or rewriting the tail of domain_event_entry shows against them.
create table chain_checkpoint (
    id              bigserial primary key,
    plan_id         varchar(255) not null,
    sequence_number bigint       not null,
    hash            varchar(64)  not null,
    created_at      timestamptz  not null,
    reason          varchar(32)  not null,
    key_id          varchar(64),
    signature       text,
    -- When Kafka acknowledged it; null: still to be sent (at least once).
    published_at    timestamptz
);

create index chain_checkpoint_plan on chain_checkpoint (plan_id, sequence_number);
-- One periodic checkpoint per head, however many instances of plan-service take them.
create unique index chain_checkpoint_periodic on chain_checkpoint (plan_id, sequence_number) where reason = 'PERIODIC';
create index chain_checkpoint_unpublished on chain_checkpoint (id) where published_at is null;
