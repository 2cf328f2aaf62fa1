-- Each plan's last applied event: a consumed event is applied only when it extends this (sequence + 1,
-- previous hash = this hash). Written in the same transaction as the projection's rows.
create table plan_chain (
    plan_id  varchar(255) not null primary key,
    sequence bigint       not null,
    hash     varchar(255) not null
);
