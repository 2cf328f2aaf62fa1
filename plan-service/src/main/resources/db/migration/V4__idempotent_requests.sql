-- Answers to commands sent with an Idempotency-Key: a retried request gets the first answer again
-- and adds no event. status 0 marks a request still being processed.
create table idempotent_request (
    idempotency_key varchar(200) not null primary key,
    method          varchar(10)  not null,
    path            varchar(500) not null,
    body_sha256     varchar(64)  not null,
    status          integer      not null,
    content_type    varchar(200),
    response_body   bytea,
    created_at      timestamptz  not null default now()
);
