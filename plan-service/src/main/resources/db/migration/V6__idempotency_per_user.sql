-- An Idempotency-Key belongs to the user who sent it: the same key from another user is another
-- request and never gets the first user's answer. Keys stored before sign-in belong to nobody ('').
alter table idempotent_request add column subject varchar(255) not null default '';
alter table idempotent_request drop constraint idempotent_request_pkey;
alter table idempotent_request add primary key (subject, idempotency_key);
